using System.Buffers.Text;

namespace PushNotifi.Internal;

/// <summary>Checks a message before any network call and resolves its defaults from the options.</summary>
internal static class PushNotifiMessageValidator
{
    /// <summary>
    /// Returns the message as it goes on the wire (recipient and application key resolved, texts redacted), or throws
    /// <see cref="PushNotifiValidationException"/> naming the field.
    /// </summary>
    internal static PushNotifiMessage Validate(PushNotifiMessage message, PushNotifiOptions options, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(message);

        if (!Enum.IsDefined(message.Type))
        {
            throw Invalid("type", "type must be 'user' or 'group'.");
        }

        var prefix = message.Type == PushNotifiRecipientType.User ? 'u' : 'g';
        var sendToKey = message.SendToKey;
        if (string.IsNullOrWhiteSpace(sendToKey))
        {
            if (message.Type == PushNotifiRecipientType.User)
            {
                throw Invalid("send_to_key", "send_to_key is required for a user recipient (the user key is never put in a message body implicitly).");
            }

            sendToKey = options.GroupKey;
            if (string.IsNullOrWhiteSpace(sendToKey))
            {
                throw Invalid("send_to_key", $"send_to_key is not set and there is no default group ({PushNotifiEnvironmentVariables.GroupKey}).");
            }
        }

        if (!PushNotifiKeys.IsWellFormed(sendToKey, prefix))
        {
            throw Invalid("send_to_key",
                $"send_to_key ({Redactor.LastFour(sendToKey)}) must be {PushNotifiLimits.KeyLength} letters or digits starting with '{prefix}' for a {message.Type.ToString().ToLowerInvariant()} recipient.");
        }

        ValidateText(message.Title, message.Message);
        CheckLength("url", message.Url, PushNotifiLimits.UrlLength);
        CheckLength("url_title", message.UrlTitle, PushNotifiLimits.UrlTitleLength);
        CheckLength("idempotency_key", message.IdempotencyKey, PushNotifiLimits.IdempotencyKeyLength);

        if (message.Priority is { } priority && !Enum.IsDefined(priority))
        {
            throw Invalid("priority", $"priority must be between {(int)PushNotifiPriority.Lowest} and {(int)PushNotifiPriority.Emergency}.");
        }

        if (message.ResponseTemplate is { } template)
        {
            if (!Enum.IsDefined(template))
            {
                throw Invalid("alert_response_template", $"alert_response_template must be one of {string.Join(", ", PushNotifiResponseTemplates.WireNames)}.");
            }

            if (message.Priority != PushNotifiPriority.Emergency)
            {
                throw Invalid("alert_response_template", "alert_response_template is valid only with priority 2 (Emergency); set Priority = PushNotifiPriority.Emergency or remove ResponseTemplate.");
            }
        }

        if (message.Url is not null && !Uri.TryCreate(message.Url, UriKind.Absolute, out _))
        {
            throw Invalid("url", "url must be an absolute URL.");
        }

        if (message.UrlTitle is not null && message.Url is null)
        {
            throw Invalid("url_title", "url_title needs a url.");
        }

        if (message.IdempotencyKey is not null && string.IsNullOrWhiteSpace(message.IdempotencyKey))
        {
            throw Invalid("idempotency_key", "idempotency_key must not be blank.");
        }

        if (message.Ttl is <= 0)
        {
            throw Invalid("ttl", "ttl must be a positive number of seconds.");
        }

        if (message.ApplicationKey is not null && string.IsNullOrWhiteSpace(message.ApplicationKey))
        {
            throw Invalid("application_key", "application_key must not be blank.");
        }

        ValidateAttachment(message);

        var applicationKey = message.ApplicationKey ?? (string.IsNullOrWhiteSpace(options.ApplicationKey) ? null : options.ApplicationKey);

        // Content fields pass through the redactor: a key pasted into an alert never leaves the process.
        return message with
        {
            SendToKey = sendToKey,
            Message = redactor.Redact(message.Message),
            Title = message.Title is null ? null : redactor.Redact(message.Title),
            ApplicationKey = applicationKey,
            Url = message.Url is null ? null : redactor.Redact(message.Url),
            UrlTitle = message.UrlTitle is null ? null : redactor.Redact(message.UrlTitle),
        };
    }

    /// <summary>The checks every send makes, the webhook's included: a message that is not blank, and the message and title lengths.</summary>
    internal static void ValidateText(string? title, string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            throw Invalid("message", "message must not be empty.");
        }

        CheckLength("message", message, PushNotifiLimits.MessageLength);
        CheckLength("title", title, PushNotifiLimits.TitleLength);
    }

    private static void ValidateAttachment(PushNotifiMessage message)
    {
        if (message.AttachmentBase64 is null)
        {
            if (message.AttachmentType is not null)
            {
                throw Invalid("attachment_type", "attachment_type needs attachment_base64.");
            }

            return;
        }

        if (!Base64.IsValid(message.AttachmentBase64, out var decodedLength) || message.AttachmentBase64.Length == 0)
        {
            throw Invalid("attachment_base64", "attachment_base64 must be valid, non-empty base64.");
        }

        if (decodedLength > PushNotifiLimits.AttachmentBytes)
        {
            throw Invalid("attachment_base64", $"attachment_base64 decodes to {decodedLength} bytes; the limit is {PushNotifiLimits.AttachmentBytes}.");
        }

        if (string.IsNullOrWhiteSpace(message.AttachmentType) || !message.AttachmentType.Contains('/', StringComparison.Ordinal))
        {
            throw Invalid("attachment_type", "attachment_type must be a MIME type such as image/png.");
        }
    }

    private static void CheckLength(string field, string? value, int limit)
    {
        if (value is not null && value.Length > limit)
        {
            throw Invalid(field, $"{field} is {value.Length} characters; the limit is {limit}.");
        }
    }

    private static PushNotifiValidationException Invalid(string field, string message) => new(field, message);
}
