namespace PushNotifi.Sandbox.Web;

/// <summary>
/// Something the inbox page should show now: a delivery, an ack, a cleared store or a request. A delivery by an API
/// request has both: one event for the two, so a send costs the open streams one frame.
/// </summary>
internal sealed record SandboxEvent(string Name, CapturedNotification? Notification, SandboxRequest? Request = null)
{
    public const string Delivered = "notification";

    public const string Acked = "ack";

    public const string Cleared = "cleared";

    public const string Handled = "request";
}
