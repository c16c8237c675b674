namespace PushNotifi;

/// <summary>A delivery group (from <c>GET /api/v1/groups</c>).</summary>
public sealed record PushNotifiGroup
{
    /// <summary>The group key (wire <c>group_key</c>), starting with <c>g</c>.</summary>
    public string GroupKey { get; init; } = string.Empty;

    /// <summary>The display name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Shows the group with its key as the last four characters.</summary>
    public override string ToString() => $"PushNotifiGroup {{ GroupKey = {Redactor.LastFour(GroupKey)}, Name = {Name} }}";
}
