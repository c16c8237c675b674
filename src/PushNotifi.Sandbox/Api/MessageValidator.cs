using System.Text.Json;

namespace PushNotifi.Sandbox;

/// <summary>
/// Parses and checks request bodies the way the real API does, naming the first wrong field.
/// Reads through <see cref="JsonDocument"/> so a wrong JSON type still names its field.
/// </summary>
internal static class MessageValidator
{
    private static readonly string[] MessageFields =
    [
        "type", "send_to_key", "message", "title", "priority", "application_key", "idempotency_key",
        "url", "url_title", "ttl", "attachment_base64", "attachment_type", "alert_response_template",
    ];

    private static readonly string[] WebhookFields = ["title", "message"];

    private static readonly string[] AckFields = ["device_id", "response", "comment"];

    /// <summary>Validates a <c>POST /api/v1/message</c> body; returns null and an error when invalid.</summary>
    public static MessageRequest? ParseMessage(string body, out ApiError? error)
    {
        var fields = ReadObject(body, MessageFields, out error);
        if (fields is null)
        {
            return null;
        }

        if (!TryString(fields, "type", out var type, out error)
            || !TryString(fields, "send_to_key", out var sendToKey, out error)
            || !TryString(fields, "message", out var message, out error)
            || !TryString(fields, "title", out var title, out error)
            || !TryInt(fields, "priority", out var priority, out error)
            || !TryString(fields, "application_key", out var applicationKey, out error)
            || !TryString(fields, "idempotency_key", out var idempotencyKey, out error)
            || !TryString(fields, "url", out var url, out error)
            || !TryString(fields, "url_title", out var urlTitle, out error)
            || !TryInt(fields, "ttl", out var ttl, out error)
            || !TryString(fields, "attachment_base64", out var attachment, out error)
            || !TryString(fields, "attachment_type", out var attachmentType, out error)
            || !TryString(fields, "alert_response_template", out var template, out error))
        {
            return null;
        }

        type ??= "group";
        error = type is "user" or "group" ? null : Invalid("type", "type must be \"user\" or \"group\".");
        error ??= CheckSendToKey(type, sendToKey);
        error ??= CheckMessage(message);
        error ??= MaxLength("title", title, SandboxLimits.TitleMaxLength);
        error ??= priority is null or (>= SandboxLimits.MinPriority and <= SandboxLimits.MaxPriority)
            ? null
            : Invalid("priority", $"priority must be between {SandboxLimits.MinPriority} and {SandboxLimits.MaxPriority}.");
        error ??= applicationKey is { Length: 0 } ? Invalid("application_key", "application_key must not be empty when sent.") : null;
        error ??= idempotencyKey is not null && string.IsNullOrWhiteSpace(idempotencyKey)
            ? Invalid("idempotency_key", "idempotency_key must not be blank when sent.")
            : MaxLength("idempotency_key", idempotencyKey, SandboxLimits.IdempotencyKeyMaxLength);
        error ??= MaxLength("url", url, SandboxLimits.UrlMaxLength);
        error ??= url is null || Uri.TryCreate(url, UriKind.Absolute, out _) ? null : Invalid("url", "url must be an absolute URL.");
        error ??= MaxLength("url_title", urlTitle, SandboxLimits.UrlTitleMaxLength);
        error ??= urlTitle is not null && url is null ? Invalid("url_title", "url_title needs a url.") : null;
        error ??= ttl is null or > 0 ? null : Invalid("ttl", "ttl must be a positive number of seconds.");
        error ??= CheckAttachment(attachment, attachmentType);
        error ??= CheckTemplate(template, priority);
        if (error is not null)
        {
            return null;
        }

        return new MessageRequest
        {
            Type = type,
            SendToKey = sendToKey!,
            Message = message!,
            Title = title,
            Priority = priority,
            ApplicationKey = applicationKey,
            IdempotencyKey = idempotencyKey,
            Url = url,
            UrlTitle = urlTitle,
            Ttl = ttl,
            AttachmentBase64 = attachment,
            AttachmentType = attachmentType,
            ResponseTemplate = template,
        };
    }

    /// <summary>Validates an inbound webhook body (<c>title</c>, <c>message</c>).</summary>
    public static (string? Title, string Message)? ParseWebhook(string body, out ApiError? error)
    {
        var fields = ReadObject(body, WebhookFields, out error);
        if (fields is null
            || !TryString(fields, "title", out var title, out error)
            || !TryString(fields, "message", out var message, out error))
        {
            return null;
        }

        error = CheckMessage(message) ?? MaxLength("title", title, SandboxLimits.TitleMaxLength);
        return error is null ? (title, message!) : null;
    }

    /// <summary>Validates an ack body (<c>device_id</c>, <c>response</c>, <c>comment</c>); the template check comes later.</summary>
    public static AckRequest? ParseAck(string body, out ApiError? error)
    {
        var fields = ReadObject(body, AckFields, out error);
        if (fields is null
            || !TryString(fields, "device_id", out var deviceId, out error)
            || !TryString(fields, "response", out var response, out error)
            || !TryString(fields, "comment", out var comment, out error))
        {
            return null;
        }

        error = string.IsNullOrWhiteSpace(deviceId)
            ? Invalid("device_id", "device_id is required and must not be blank.")
            : MaxLength("device_id", deviceId, SandboxLimits.DeviceIdMaxLength);
        return error is null ? new AckRequest(deviceId!, response, comment) : null;
    }

    public static ApiError Invalid(string field, string message) => new(message, "invalid_request", field);

    private static Dictionary<string, JsonElement>? ReadObject(string body, string[] allowed, out ApiError? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = Invalid("body", "The request body is empty; send a JSON object.");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = Invalid("body", "The request body must be a JSON object.");
                return null;
            }

            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (Array.IndexOf(allowed, property.Name) < 0)
                {
                    error = Invalid(property.Name, $"Unknown field '{Truncate(property.Name)}'.");
                    return null;
                }

                fields[property.Name] = property.Value.Clone();
            }

            return fields;
        }
        catch (JsonException)
        {
            // The parser's message quotes the body; keep it out of the answer.
            error = Invalid("body", "The request body is not valid JSON.");
            return null;
        }
    }

    private static bool TryString(Dictionary<string, JsonElement> fields, string name, out string? value, out ApiError? error)
    {
        value = null;
        error = null;
        if (!fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = Invalid(name, $"{name} must be a string.");
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static bool TryInt(Dictionary<string, JsonElement> fields, string name, out int? value, out ApiError? error)
    {
        value = null;
        error = null;
        if (!fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var number))
        {
            error = Invalid(name, $"{name} must be a whole number.");
            return false;
        }

        value = number;
        return true;
    }

    private static ApiError? CheckSendToKey(string type, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Invalid("send_to_key", "send_to_key is required.");
        }

        if (key.Length != SandboxLimits.SendToKeyLength)
        {
            return Invalid("send_to_key", $"send_to_key must have {SandboxLimits.SendToKeyLength} characters.");
        }

        var prefix = type == "user" ? 'u' : 'g';
        if (key[0] != prefix)
        {
            return Invalid("send_to_key", $"A {type} send_to_key starts with '{prefix}'.");
        }

        return key.All(char.IsAsciiLetterOrDigit) ? null : Invalid("send_to_key", "send_to_key has only ASCII letters and digits.");
    }

    private static ApiError? CheckMessage(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return Invalid("message", "message is required and must not be blank.");
        }

        return MaxLength("message", message, SandboxLimits.MessageMaxLength);
    }

    private static ApiError? CheckAttachment(string? attachment, string? attachmentType)
    {
        if (attachment is null)
        {
            return attachmentType is null ? null : Invalid("attachment_type", "attachment_type needs attachment_base64.");
        }

        if (attachment.Length == 0 || !System.Buffers.Text.Base64.IsValid(attachment, out var decodedLength))
        {
            return Invalid("attachment_base64", "attachment_base64 must be valid, non-empty base64.");
        }

        if (decodedLength > SandboxLimits.AttachmentMaxBytes)
        {
            return Invalid("attachment_base64", $"The attachment is larger than {SandboxLimits.AttachmentMaxBytes} bytes.");
        }

        return attachmentType is not null && attachmentType.Contains('/', StringComparison.Ordinal)
            ? null
            : Invalid("attachment_type", "attachment_type must be a MIME type such as image/png.");
    }

    private static ApiError? CheckTemplate(string? template, int? priority)
    {
        if (template is null)
        {
            return null;
        }

        if (!AlertTemplates.IsKnown(template))
        {
            return Invalid("alert_response_template", "alert_response_template must be one of: " + string.Join(", ", AlertTemplates.Names) + ".");
        }

        return priority == SandboxLimits.EmergencyPriority
            ? null
            : Invalid("alert_response_template", $"alert_response_template needs priority {SandboxLimits.EmergencyPriority}: only emergency alerts are acknowledged.");
    }

    private static ApiError? MaxLength(string field, string? value, int max) =>
        value is not null && value.Length > max ? Invalid(field, $"{field} must have at most {max} characters.") : null;

    private static string Truncate(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
