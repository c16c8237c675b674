using System.Text;
using System.Text.Json.Serialization;

namespace PushNotifi;

/// <summary>
/// One notification. Only <see cref="Message"/> is required; unset fields are omitted on the wire.
/// <see cref="PushNotifiClient"/> validates it against <see cref="PushNotifiLimits"/> before any network call, and
/// sends a copy with the defaults resolved and the texts redacted as the request body (snake_case).
/// </summary>
public sealed record PushNotifiMessage
{
    /// <summary>The recipient kind (wire <c>type</c>). Defaults to <see cref="PushNotifiRecipientType.Group"/>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PushNotifiRecipientType>))]
    public PushNotifiRecipientType Type { get; init; } = PushNotifiRecipientType.Group;

    /// <summary>The recipient key (wire <c>send_to_key</c>). Null means <see cref="PushNotifiOptions.GroupKey"/> for a group; a user recipient must be named.</summary>
    public string? SendToKey { get; init; }

    /// <summary>The body text (wire <c>message</c>). Required, at most <see cref="PushNotifiLimits.MessageLength"/> characters.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>The title (wire <c>title</c>), at most <see cref="PushNotifiLimits.TitleLength"/> characters.</summary>
    public string? Title { get; init; }

    /// <summary>The priority (wire <c>priority</c>, an integer from -2 to 2).</summary>
    public PushNotifiPriority? Priority { get; init; }

    /// <summary>The application key (wire <c>application_key</c>); null means <see cref="PushNotifiOptions.ApplicationKey"/>, and none is sent when both are null.</summary>
    public string? ApplicationKey { get; init; }

    /// <summary>Makes the send safe to retry (wire <c>idempotency_key</c>); without it a send is never retried.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>A link shown with the notification (wire <c>url</c>), at most <see cref="PushNotifiLimits.UrlLength"/> characters.</summary>
    public string? Url { get; init; }

    /// <summary>The link's text (wire <c>url_title</c>), at most <see cref="PushNotifiLimits.UrlTitleLength"/> characters.</summary>
    public string? UrlTitle { get; init; }

    /// <summary>Seconds after which the notification expires (wire <c>ttl</c>); positive.</summary>
    public int? Ttl { get; init; }

    /// <summary>A base64 attachment (wire <c>attachment_base64</c>); needs <see cref="AttachmentType"/>.</summary>
    public string? AttachmentBase64 { get; init; }

    /// <summary>The attachment's MIME type, e.g. <c>image/png</c> (wire <c>attachment_type</c>).</summary>
    public string? AttachmentType { get; init; }

    /// <summary>
    /// The answers offered with an emergency alert (wire <c>alert_response_template</c>). Valid only with
    /// <see cref="Priority"/> <see cref="PushNotifiPriority.Emergency"/>; see <see cref="IPushNotifiAcks"/> to ask and await the answer.
    /// </summary>
    [JsonPropertyName("alert_response_template")]
    public PushNotifiResponseTemplate? ResponseTemplate { get; init; }

    /// <summary>A message to the default group (<see cref="PushNotifiOptions.GroupKey"/>).</summary>
    public static PushNotifiMessage ToDefaultGroup(string title, string message) =>
        new() { Type = PushNotifiRecipientType.Group, Title = title, Message = message };

    /// <summary>A message to the group with key <paramref name="groupKey"/>.</summary>
    public static PushNotifiMessage ToGroup(string groupKey, string title, string message) =>
        new() { Type = PushNotifiRecipientType.Group, SendToKey = groupKey, Title = title, Message = message };

    /// <summary>A message to the user with key <paramref name="userKey"/>.</summary>
    public static PushNotifiMessage ToUser(string userKey, string title, string message) =>
        new() { Type = PushNotifiRecipientType.User, SendToKey = userKey, Title = title, Message = message };

    /// <summary>Shows the message with keys as their last four characters and the texts redacted.</summary>
    public override string ToString()
    {
        var redactor = Redactor.Default;
        var text = new StringBuilder("PushNotifiMessage { ");
        text.Append("Type = ").Append(Type)
            .Append(", SendToKey = ").Append(SendToKey is null ? "(default)" : Redactor.LastFour(SendToKey))
            .Append(", Title = ").Append(redactor.Redact(Title))
            .Append(", Message = ").Append(redactor.Redact(Message))
            .Append(", Priority = ").Append(Priority?.ToString() ?? "(none)")
            .Append(", ApplicationKey = ").Append(ApplicationKey is null ? "(none)" : Redactor.LastFour(ApplicationKey))
            .Append(", IdempotencyKey = ").Append(IdempotencyKey is null ? "(none)" : redactor.Fingerprint(IdempotencyKey))
            .Append(", Url = ").Append(redactor.Redact(Url))
            .Append(", Ttl = ").Append(Ttl?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)")
            .Append(", ResponseTemplate = ").Append(ResponseTemplate is { } t ? PushNotifiResponseTemplates.ToWireName(t) : "(none)")
            .Append(", Attachment = ").Append(AttachmentBase64 is null ? "(none)" : AttachmentType)
            .Append(" }");
        return text.ToString();
    }
}
