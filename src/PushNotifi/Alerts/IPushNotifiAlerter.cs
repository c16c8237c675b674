namespace PushNotifi;

/// <summary>
/// The one guarded way to send an alert, used by the <c>[PushNotifiAlert]</c> wrappers and every recipe. It never
/// throws, waits at most the alert time budget, sends an idempotency key at most once per suppression window
/// (claimed in the <see cref="IPushNotifiStateStore"/>), redacts every text, and returns what happened as a value.
/// </summary>
/// <remarks>
/// <c>AddPushNotifi</c> registers one that sends through the container's <see cref="IPushNotifiClient"/> (a decorator
/// or a fake included) with the container's <see cref="Redactor"/>, store, logger and
/// <see cref="PushNotifiOptions.AlertTimeBudget"/> / <see cref="PushNotifiOptions.AlertSuppressionWindow"/>. Code
/// with no container uses <see cref="PushNotifiAlerts.Alerter"/>. Synchronous wrappers call an implementation of
/// yours off their synchronization context and block until it returns, so it must keep to a time budget too.
/// </remarks>
public interface IPushNotifiAlerter
{
    /// <summary>Sends <paramref name="alert"/> to the default group, unless its key was already sent within its suppression window.</summary>
    /// <param name="alert">The alert; its texts are redacted and cut to <see cref="PushNotifiLimits"/> before sending.</param>
    /// <param name="cancellationToken">Gives up on the alert early (<see cref="PushNotifiAlertStatus.Cancelled"/>).</param>
    /// <returns>What happened; never a fault.</returns>
    Task<PushNotifiAlertOutcome> TrySendAlertAsync(PushNotifiAlert alert, CancellationToken cancellationToken = default);
}
