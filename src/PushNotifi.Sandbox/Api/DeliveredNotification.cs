namespace PushNotifi.Sandbox.Api;

/// <summary>
/// The notification an <c>/api/v1</c> request delivered (not a duplicate), set by its endpoint as a request feature:
/// <see cref="ApiTrafficMiddleware"/> announces the two in one event, since every open inbox stream gets every event.
/// </summary>
internal sealed record DeliveredNotification(CapturedNotification Notification);
