namespace PushNotifi;

/// <summary>The API's answer to a send (<c>POST /api/v1/message</c>).</summary>
/// <param name="Message">The API's own text, e.g. <c>Notification accepted.</c>, redacted.</param>
/// <param name="AlertId">The alert id the API minted for an emergency (priority 2) send; null for every other send.</param>
/// <param name="Id">The notification id, when the API gave one.</param>
/// <param name="Duplicate">True when the idempotency key was seen before and nothing new was delivered.</param>
public sealed record PushNotifiSendResult(string Message, string? AlertId, string? Id, bool Duplicate);
