using System.Text.Json.Serialization;

namespace PushNotifi.Internal;

/// <summary>The body of <c>POST /api/v1/message</c>, after validation and redaction.</summary>
internal sealed record SendRequest
{
    [JsonConverter(typeof(JsonStringEnumConverter<PushNotifiRecipientType>))]
    public PushNotifiRecipientType Type { get; init; }

    public string SendToKey { get; init; } = string.Empty;

    public string Message { get; init; } = string.Empty;

    public string? Title { get; init; }

    public int? Priority { get; init; }

    public string? ApplicationKey { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? Url { get; init; }

    public string? UrlTitle { get; init; }

    public int? Ttl { get; init; }

    public string? AttachmentBase64 { get; init; }

    public string? AttachmentType { get; init; }

    public PushNotifiResponseTemplate? AlertResponseTemplate { get; init; }
}
