using System.Text.Json.Serialization;

namespace PushNotifi;

/// <summary>A notification the API accepted (from <c>GET /api/v1/messages</c>).</summary>
public sealed record PushNotifiSentMessage
{
    /// <summary>The notification id, e.g. <c>n_1</c>.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The recipient kind, when the API reported it.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PushNotifiRecipientType>))]
    public PushNotifiRecipientType? Type { get; init; }

    /// <summary>The title, if any.</summary>
    public string? Title { get; init; }

    /// <summary>The body text.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>The priority, if one was sent.</summary>
    public PushNotifiPriority? Priority { get; init; }

    /// <summary>The idempotency key, if one was sent.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>When the API accepted it.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
