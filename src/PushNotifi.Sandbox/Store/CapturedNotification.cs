using PushNotifi.Sandbox.Keys;

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

    /// <summary>The id minted for a priority-2 send (e.g. <c>al_</c> + 32 hex digits); null for other sends.</summary>
    public string? AlertId { get; init; }

    /// <summary>The <c>alert_response_template</c> sent with a priority-2 send, if any.</summary>
    public string? ResponseTemplate { get; init; }

    /// <summary>The buttons the phone shows for this alert (empty for <c>freetext</c>); null when not an alert.</summary>
    public IReadOnlyList<string>? ResponseLabels => AlertId is null ? null : AlertTemplates.Labels(ResponseTemplate);

    /// <summary>Whether someone acknowledged the alert.</summary>
    public bool Acked { get; init; }

    /// <summary>When the alert was acknowledged (from <see cref="SandboxOptions.TimeProvider"/>).</summary>
    public DateTimeOffset? AckedAt { get; init; }

    /// <summary>The device that acknowledged, e.g. <c>sandbox-web</c> for the inbox page.</summary>
    public string? AckedByDeviceId { get; init; }

    /// <summary>The chosen label or typed reply; null for a plain acknowledgement.</summary>
    public string? Response { get; init; }

    /// <summary>The optional note given with the ack.</summary>
    public string? Comment { get; init; }

    /// <summary>
    /// The sending account's opaque number (0 for the main one, as <see cref="ApiKeyRecord.Account"/>), for account
    /// scoping; never derived from a key, never serialized (internal).
    /// </summary>
    internal int? Account { get; init; }
}
