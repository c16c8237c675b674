namespace PushNotifi.Sandbox.Api;

/// <summary>
/// Parses and checks request bodies the way the real API does, naming the first wrong field.
/// Reads through <see cref="JsonFields"/> so a wrong JSON type, an unknown field or invalid text still names its field.
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

    private static readonly string[] ApiKeyFields = ["label", "scope"];

    // A parsed body has no headers yet: delivery puts in the request's own.
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>
    /// Validates a <c>POST /api/v1/message</c> body; returns null and an error when invalid. A valid body comes back
    /// as the notification it describes, with the wire fields only: delivery stamps its id, time and headers.
    /// </summary>
    public static CapturedNotification? ParseMessage(ReadOnlyMemory<byte> body, out ApiError? error)
    {
        var fields = JsonFields.Read(body, MessageFields, out error);
        if (fields is null)
        {
            return null;
        }

        if (!fields.TryString("type", out var type, out error)
            || !fields.TryString("send_to_key", out var sendToKey, out error)
            || !fields.TryString("message", out var message, out error)
            || !fields.TryString("title", out var title, out error)
            || !fields.TryInt("priority", out var priority, out error)
            || !fields.TryString("application_key", out var applicationKey, out error)
            || !fields.TryString("idempotency_key", out var idempotencyKey, out error)
            || !fields.TryString("url", out var url, out error)
            || !fields.TryString("url_title", out var urlTitle, out error)
            || !fields.TryInt("ttl", out var ttl, out error)
            || !fields.TryString("attachment_base64", out var attachment, out error)
            || !fields.TryString("attachment_type", out var attachmentType, out error)
            || !fields.TryString("alert_response_template", out var template, out error))
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

        return new CapturedNotification
        {
            Id = string.Empty,
            ReceivedAt = default,
            Source = "api",
            RawBody = string.Empty,
            Headers = NoHeaders,
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
    public static (string? Title, string Message)? ParseWebhook(ReadOnlyMemory<byte> body, out ApiError? error)
    {
        var fields = JsonFields.Read(body, WebhookFields, out error);
        if (fields is null
            || !fields.TryString("title", out var title, out error)
            || !fields.TryString("message", out var message, out error))
        {
            return null;
        }

        error = CheckMessage(message) ?? MaxLength("title", title, SandboxLimits.TitleMaxLength);
        return error is null ? (title, message!) : null;
    }

    /// <summary>Validates an ack body (<c>device_id</c>, <c>response</c>, <c>comment</c>); the template check comes later.</summary>
    public static AckRequest? ParseAck(ReadOnlyMemory<byte> body, out ApiError? error)
    {
        var fields = JsonFields.Read(body, AckFields, out error);
        if (fields is null
            || !fields.TryString("device_id", out var deviceId, out error)
            || !fields.TryString("response", out var response, out error)
            || !fields.TryString("comment", out var comment, out error))
        {
            return null;
        }

        error = string.IsNullOrWhiteSpace(deviceId)
            ? Invalid("device_id", "device_id is required and must not be blank.")
            : MaxLength("device_id", deviceId, SandboxLimits.DeviceIdMaxLength);
        return error is null ? new AckRequest(deviceId!, response, comment) : null;
    }

    /// <summary>Validates a <c>POST /api/v1/api-keys</c> body (<c>label</c>, <c>scope</c>, both optional); an empty body is no body.</summary>
    public static ApiKeyCreateRequest? ParseApiKeyCreate(ReadOnlyMemory<byte> body, out ApiError? error)
    {
        error = null;
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new ApiKeyCreateRequest(null, null);
        }

        var fields = JsonFields.Read(body, ApiKeyFields, out error);
        if (fields is null
            || !fields.TryString("label", out var label, out error)
            || !fields.TryString("scope", out var scope, out error))
        {
            return null;
        }

        return new ApiKeyCreateRequest(label, scope);
    }

    public static ApiError Invalid(string field, string message) => new(message, "invalid_request", field);

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

}
