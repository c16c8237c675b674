namespace PushNotifi;

/// <summary>The PushNotifi API. Every failure is a <see cref="PushNotifiException"/> whose message names no key.</summary>
public interface IPushNotifiClient
{
    /// <summary>
    /// Validates and sends one notification (<c>POST /api/v1/message</c>) and returns the API's answer.
    /// Retried on transient failures only when <see cref="PushNotifiMessage.IdempotencyKey"/> is set.
    /// </summary>
    /// <exception cref="PushNotifiValidationException">The message is invalid; nothing was sent.</exception>
    /// <exception cref="PushNotifiRateLimitExceededException">The client-side rate limit had no permit in time; nothing was sent.</exception>
    /// <exception cref="PushNotifiException">The API refused the message or could not be reached.</exception>
    Task<PushNotifiSendResult> SendAsync(PushNotifiMessage message, CancellationToken cancellationToken = default);

    /// <summary>Lists the applications (<c>GET /api/v1/applications</c>).</summary>
    Task<IReadOnlyList<PushNotifiApplication>> ListApplicationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one application (<c>GET /api/v1/applications/{key}</c>); a 404 is a <see cref="PushNotifiException"/>.</summary>
    Task<PushNotifiApplication> GetApplicationAsync(string applicationKey, CancellationToken cancellationToken = default);

    /// <summary>Lists the delivery groups (<c>GET /api/v1/groups</c>).</summary>
    Task<IReadOnlyList<PushNotifiGroup>> ListGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists accepted notifications (<c>GET /api/v1/messages</c>).</summary>
    Task<IReadOnlyList<PushNotifiSentMessage>> ListMessagesAsync(CancellationToken cancellationToken = default);
}
