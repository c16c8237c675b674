using System.Text;
using System.Text.Json;
using PushNotifi.Sandbox.Inspection;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Web;

/// <summary>
/// One event as the bytes of its server-sent-events frame (<c>id:</c>, <c>event:</c>, <c>data:</c>), made once and
/// shared by every stream and by the replay buffer.
/// </summary>
internal sealed record EventFrame(long Id, byte[] Bytes)
{
    /// <summary>Sent to a stream whose <c>Last-Event-ID</c> is older than the replay buffer: reload the latest page.</summary>
    public const string Reload = "reload";

    /// <summary>
    /// The redacted JSON the page needs. No bodies, attachments or headers: they can be megabytes, the page shows none
    /// of them, and <c>/sandbox/notifications</c> and <c>/sandbox/requests</c> still have them.
    /// </summary>
    public static string Json(SandboxSecrets secrets, SandboxEvent sandboxEvent) => sandboxEvent switch
    {
        { Notification: { } n } => JsonSerializer.Serialize(
            NotificationView.Redact(secrets, n with { RawBody = string.Empty, AttachmentBase64 = null, Headers = NoHeaders }),
            InspectionJsonContext.Compact.CapturedNotification),
        { Request: { } r } => JsonSerializer.Serialize(
            RequestView.Redact(secrets, r, withContent: false),
            InspectionJsonContext.Compact.RequestView),
        _ => "{}",
    };

    public static EventFrame Create(long id, string name, string json)
    {
        var frame = new StringBuilder()
            .Append("id: ").Append(id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .Append("event: ").Append(name).Append('\n');

        // One "data:" line per JSON line; the browser joins them with newlines again.
        foreach (var line in json.Split('\n'))
        {
            frame.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return new EventFrame(id, Encoding.UTF8.GetBytes(frame.Append('\n').ToString()));
    }

    private static readonly Dictionary<string, string> NoHeaders = [];
}
