namespace PushNotifi.Cli.Commands;

/// <summary>What <c>pushnotifi send</c> was asked to send.</summary>
internal sealed record SendRequest
{
    /// <summary>The notification title.</summary>
    public required string Title { get; init; }

    /// <summary>The notification body.</summary>
    public required string Message { get; init; }

    /// <summary>The priority, API route only.</summary>
    public PushNotifiPriority? Priority { get; init; }

    /// <summary>The idempotency key, API route only; with it the client may retry safely.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>A link to attach, API route only.</summary>
    public string? Url { get; init; }

    /// <summary>The link's title, API route only.</summary>
    public string? UrlTitle { get; init; }

    /// <summary>True when an option only the API route carries was given.</summary>
    public bool HasApiOnlyOptions => Priority is not null || IdempotencyKey is not null || Url is not null || UrlTitle is not null;
}
