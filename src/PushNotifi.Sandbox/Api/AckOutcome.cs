namespace PushNotifi.Sandbox.Api;

/// <summary>What <see cref="AlertAcks.Ack"/> did: the alert after it (200) or the error answer (400, 404).</summary>
internal sealed record AckOutcome(int StatusCode, CapturedNotification? Notification, bool AlreadyAcked, ApiError? Error)
{
    public static AckOutcome Failed(int statusCode, ApiError error) => new(statusCode, null, false, error);
}
