namespace PushNotifi.Sandbox.Api;

/// <summary>A send request that passed validation (fields as on the wire).</summary>
internal sealed record MessageRequest
{
    public required string Type { get; init; }

    public required string SendToKey { get; init; }

    public required string Message { get; init; }

    public string? Title { get; init; }

    public int? Priority { get; init; }

    public string? ApplicationKey { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? Url { get; init; }

    public string? UrlTitle { get; init; }

    public int? Ttl { get; init; }

    public string? AttachmentBase64 { get; init; }

    public string? AttachmentType { get; init; }

    public string? ResponseTemplate { get; init; }
}
