namespace PushNotifi;

/// <summary>One-call helpers over <see cref="IPushNotifiAcks"/>.</summary>
public static class PushNotifiAcks
{
    /// <summary>
    /// Asks <paramref name="question"/> (sent at priority 2; see <see cref="IPushNotifiAcks.RequestAckAsync"/>) and waits for
    /// the answer (see <see cref="IPushNotifiAcks.AwaitAckAsync"/>). Go ahead only when <see cref="PushNotifiAckResult.IsAffirmative"/>.
    /// </summary>
    /// <exception cref="PushNotifiValidationException">The question or timeout is invalid; nothing was sent.</exception>
    /// <exception cref="PushNotifiException">The API refused the question or a status read.</exception>
    public static async Task<PushNotifiAckResult> AskAsync(
        this IPushNotifiAcks acks,
        PushNotifiMessage question,
        TimeSpan? timeout = null,
        IProgress<PushNotifiAckProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acks);
        var alertId = await acks.RequestAckAsync(question, cancellationToken).ConfigureAwait(false);
        return await acks.AwaitAckAsync(alertId, timeout, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks <paramref name="question"/> of the default group with the buttons of <paramref name="template"/> and waits for the answer.</summary>
    /// <example><code>
    /// var answer = await acks.AskAsync("Deploy v2 to production?", PushNotifiResponseTemplate.ApproveDeny, TimeSpan.FromMinutes(5));
    /// if (!answer.IsAffirmative) return; // denied, or nobody answered
    /// </code></example>
    public static Task<PushNotifiAckResult> AskAsync(
        this IPushNotifiAcks acks,
        string question,
        PushNotifiResponseTemplate template,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        acks.AskAsync(new PushNotifiMessage { Message = question, ResponseTemplate = template }, timeout, progress: null, cancellationToken);
}
