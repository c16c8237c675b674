using System.Text;
using System.Text.Json;
using PushNotifi.Sandbox.Inspection;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Web;

/// <summary>
/// One event as the bytes of its server-sent-events frame (<c>id:</c>, <c>event:</c>, <c>data:</c>), made once and
/// shared by every stream and by the replay buffer.
/// </summary>
internal sealed record EventFrame(long Id, byte[] Bytes, bool Reloadable = false)
{
    /// <summary>Sent to a stream whose <c>Last-Event-ID</c> is older than the replay buffer: reload the latest page.</summary>
    public const string Reload = "reload";

    /// <summary>
    /// Sent in place of the older cards and request rows of a burst (see <see cref="EventBatch.Of"/>): the page shows
    /// the ones that came and reloads its latest page once the burst is over.
    /// </summary>
    public const string Gap = "gap";

    /// <summary>
    /// The redacted JSON the page needs. No bodies, attachments or headers: they can be megabytes, the page shows none
    /// of them, and <c>/sandbox/notifications</c> and <c>/sandbox/requests</c> still have them. A notification an API
    /// request delivered carries that request's row as <c>request</c>.
    /// </summary>
    public static string Json(SandboxSecrets secrets, SandboxEvent sandboxEvent) => sandboxEvent switch
    {
        { Notification: { } n } => NotificationJson(secrets, n, sandboxEvent.Request),
        { Request: { } r } => JsonSerializer.Serialize(RequestRow.Of(secrets, r), InspectionJsonContext.Compact.RequestRow),
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

        // A card or a request row is state the page can read again from the inspection API; an ack or a clear is a change
        // to cards the page already shows, so it always goes out.
        var reloadable = name is SandboxEvent.Delivered or SandboxEvent.Handled;
        return new EventFrame(id, Encoding.UTF8.GetBytes(frame.Append('\n').ToString()), reloadable);
    }

    private static string NotificationJson(SandboxSecrets secrets, CapturedNotification n, SandboxRequest? request)
    {
        var view = JsonSerializer.SerializeToNode(
            NotificationView.Redact(secrets, n with { RawBody = string.Empty, AttachmentBase64 = null, Headers = NoHeaders }),
            InspectionJsonContext.Compact.CapturedNotification)!.AsObject();

        // Always empty here: left out rather than sent to every stream.
        view.Remove("rawBody");
        view.Remove("headers");
        if (request is not null)
        {
            view["request"] = JsonSerializer.SerializeToNode(RequestRow.Of(secrets, request), InspectionJsonContext.Compact.RequestRow);
        }

        return view.ToJsonString(InspectionJsonContext.Compact.Options);
    }

    private static readonly Dictionary<string, string> NoHeaders = [];
}
