namespace PushNotifi;

/// <summary>
/// Human-in-the-loop: ask a person a question on their phone and await the answer they tap. Implemented by
/// <see cref="PushNotifiClient"/> and registered by <c>AddPushNotifi</c>. Kept apart from
/// <see cref="IPushNotifiClient"/> so that fakes of the send surface keep compiling.
/// </summary>
/// <remarks>
/// A timeout is never an answer: <see cref="PushNotifiAckResult.IsAffirmative"/> is false unless a person tapped
/// an affirmative label. See <see cref="PushNotifiAcks.AskAsync(IPushNotifiAcks, PushNotifiMessage, TimeSpan?, IProgress{PushNotifiAckProgress}?, CancellationToken)"/> for the one-call form.
/// </remarks>
public interface IPushNotifiAcks
{
    /// <summary>
    /// Sends <paramref name="question"/> as an emergency (priority 2) alert with its
    /// <see cref="PushNotifiMessage.ResponseTemplate"/> (default <see cref="PushNotifiResponseTemplate.Ack"/>) and
    /// returns the alert id that <see cref="GetAckStatusAsync"/> and <see cref="AwaitAckAsync"/> take.
    /// </summary>
    /// <remarks>
    /// The send always carries an idempotency key, so the client's own retries never page twice: the question's
    /// <see cref="PushNotifiMessage.IdempotencyKey"/>, or a fresh one for this call. Never derive that key from the
    /// question's text alone: the API would hand back the earlier alert, and its old answer, for a new question.
    /// </remarks>
    /// <exception cref="PushNotifiValidationException">The question is invalid (e.g. a priority other than Emergency); nothing was sent.</exception>
    /// <exception cref="PushNotifiException">The API refused the question, could not be reached, or answered without an <c>alert_id</c>.</exception>
    Task<string> RequestAckAsync(PushNotifiMessage question, CancellationToken cancellationToken = default);

    /// <summary>Reads an alert's acknowledgement once (<c>GET /api/v1/alerts/{id}/status</c>); retried on transient failures.</summary>
    /// <exception cref="PushNotifiException">The alert is unknown to this account (404), or the API failed.</exception>
    Task<PushNotifiAckStatus> GetAckStatusAsync(string alertId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until a person answers the alert or <paramref name="timeout"/> passes, polling on the schedule of
    /// <see cref="PushNotifiOptions.AckPolling"/>. Network errors, 429 (after its <c>Retry-After</c>, at most 60 s)
    /// and 502/503/504 are waited out; any other failure ends the wait with an exception. Cancellation stops it at once.
    /// </summary>
    /// <param name="alertId">The id from <see cref="RequestAckAsync"/>.</param>
    /// <param name="timeout">How long to wait; null means <see cref="PushNotifiAckPollingOptions.DefaultTimeout"/> (900 s). At most <see cref="PushNotifiLimits.AckTimeoutMax"/>.</param>
    /// <param name="progress">Told after every poll: elapsed time, polls so far, the last transient problem.</param>
    /// <param name="cancellationToken">Stops the wait (an <see cref="OperationCanceledException"/>, not a result).</param>
    /// <returns>The answer, or a result with <see cref="PushNotifiAckResult.TimedOut"/> set, which is never affirmative.</returns>
    /// <exception cref="PushNotifiValidationException">The alert id is blank or the timeout is out of range.</exception>
    /// <exception cref="PushNotifiException">The API refused the status read with a non-transient error (e.g. 401, 404).</exception>
    Task<PushNotifiAckResult> AwaitAckAsync(string alertId, TimeSpan? timeout = null, IProgress<PushNotifiAckProgress>? progress = null, CancellationToken cancellationToken = default);
}
