namespace PushNotifi.Sandbox.Web;

/// <summary>Something the inbox page should show now: a delivery, an ack, a cleared store or a request.</summary>
internal sealed record SandboxEvent(string Name, CapturedNotification? Notification, SandboxRequest? Request = null)
{
    public const string Delivered = "notification";

    public const string Acked = "ack";

    public const string Cleared = "cleared";

    public const string Handled = "request";
}
