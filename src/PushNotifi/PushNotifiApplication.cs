namespace PushNotifi;

/// <summary>An application registered with PushNotifi (from <c>GET /api/v1/applications</c>).</summary>
public sealed record PushNotifiApplication
{
    /// <summary>The application key (wire <c>application_key</c>).</summary>
    public string ApplicationKey { get; init; } = string.Empty;

    /// <summary>The display name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Whether messages without an application key go to this one.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Shows the application with its key as the last four characters.</summary>
    public override string ToString() => $"PushNotifiApplication {{ ApplicationKey = {Redactor.LastFour(ApplicationKey)}, Name = {Name}, IsDefault = {IsDefault} }}";
}
