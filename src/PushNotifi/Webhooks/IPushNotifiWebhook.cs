namespace PushNotifi;

/// <summary>
/// Sends through the per-user inbound webhook (<c>POST /api/v1/webhooks/incoming/{token}</c>): title and message
/// only, with no user key, for shells and CI. Implemented by <see cref="PushNotifiWebhookClient"/>.
/// </summary>
public interface IPushNotifiWebhook
{
    /// <summary>Sends one notification to the token's default group. Sent once: the webhook takes no idempotency key, so it is never retried.</summary>
    /// <exception cref="PushNotifiValidationException">The title or message is invalid; nothing was sent.</exception>
    /// <exception cref="PushNotifiException">The API refused it (e.g. 401 for a revoked token) or could not be reached.</exception>
    Task<PushNotifiSendResult> SendAsync(string title, string message, CancellationToken cancellationToken = default);
}
