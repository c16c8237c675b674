namespace PushNotifi.Sandbox;

/// <summary>
/// One notification the sandbox delivered (accepted and not a duplicate).
/// </summary>
public sealed record CapturedNotification
{
    /// <summary>The id returned to the caller, e.g. <c>n_1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>When the sandbox accepted it (from <see cref="SandboxOptions.TimeProvider"/>).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary><c>api</c> for <c>POST /api/v1/message</c>, <c>webhook</c> for the inbound webhook.</summary>
    public required string Source { get; init; }

    /// <summary><c>user</c> or <c>group</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The recipient key as sent.</summary>
    public string? SendToKey { get; init; }

    /// <summary>The message text.</summary>
    public required string Message { get; init; }

    /// <summary>The title, if sent.</summary>
    public string? Title { get; init; }

    /// <summary>The priority (-2..2), if sent.</summary>
    public int? Priority { get; init; }

    /// <summary>The application key, if sent.</summary>
    public string? ApplicationKey { get; init; }

    /// <summary>The idempotency key, if sent.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The supplementary URL, if sent.</summary>
    public string? Url { get; init; }

    /// <summary>The URL's title, if sent.</summary>
    public string? UrlTitle { get; init; }

    /// <summary>Time to live in seconds, if sent.</summary>
    public int? Ttl { get; init; }

    /// <summary>The attachment as base64, if sent.</summary>
    public string? AttachmentBase64 { get; init; }

    /// <summary>The attachment's MIME type, if sent.</summary>
    public string? AttachmentType { get; init; }

    /// <summary>The request body exactly as received.</summary>
    public required string RawBody { get; init; }

    /// <summary>Every request header except <c>X-API-Key</c>.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The caller's API key as <c>…</c> plus its last 4 characters, or null when none was sent.</summary>
    public string? ApiKeyLastFour { get; init; }
}
