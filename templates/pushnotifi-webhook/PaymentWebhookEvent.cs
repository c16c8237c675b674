using System.Text.Json;

namespace PushNotifiRecipes;

/// <summary>An inbound webhook event: its id (the deduplication key), its type and its payload.</summary>
/// <param name="Id">The source's event id, for example <c>evt_123</c>.</param>
/// <param name="Type">The event type, for example <c>payment.succeeded</c>.</param>
/// <param name="Data">The event's <c>data</c> object, or an undefined element when it has none.</param>
public sealed record PaymentWebhookEvent(string Id, string Type, JsonElement Data)
{
    /// <summary>The longest event id accepted; ids go into idempotency keys.</summary>
    public const int MaxIdLength = 200;

    /// <summary>Reads <c>{"id": "...", "type": "...", "data": {...}}</c>; <see langword="null"/> when the body is not such an object.</summary>
    /// <param name="body">The raw request body, already verified.</param>
    public static PaymentWebhookEvent? TryParse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                || id.GetString() is not { Length: > 0 and <= MaxIdLength } eventId)
            {
                return null;
            }

            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
            var data = root.TryGetProperty("data", out var d) ? d.Clone() : default;
            return new PaymentWebhookEvent(eventId, type, data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
