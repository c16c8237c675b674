using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using PushNotifi.Alerts;

namespace PushNotifi;

/// <summary>Entry points for the code that the PushNotifi generator writes; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PushNotifiAlertRuntime
{
    // Exceptions that a wrapper has already alerted for, so enclosing wrappers stay quiet.
    private static readonly ConditionalWeakTable<Exception, object> s_alerted = new();
    private static readonly object s_marker = new();

    /// <summary>A timestamp in milliseconds for <see cref="PushNotifiAlertContext.Elapsed"/>.</summary>
    // Every wrapped call reads it, so use the coarse tick count (a few ns) rather than the precise clock
    // (tens of ns on VMs); alert text needs no better than milliseconds.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Start() => Environment.TickCount64;

    /// <summary>
    /// Whether a wrapper should alert for <paramref name="exception"/>: not when it (or an inner exception) was
    /// already alerted by a nested wrapper, and not for the caller's own cancellation unless asked.
    /// </summary>
    public static bool ShouldAlert(Exception exception, bool alertOnCallerCancellation, CancellationToken callerToken)
    {
        if (exception is null)
        {
            return false;
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (s_alerted.TryGetValue(current, out _))
            {
                return false;
            }
        }

        if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0
            && aggregate.InnerExceptions.All(inner => s_alerted.TryGetValue(inner, out _)))
        {
            return false;
        }

        return alertOnCallerCancellation || exception is not OperationCanceledException || !callerToken.IsCancellationRequested;
    }

    /// <summary>The alerter of a wrapper whose type holds a client rather than an <see cref="IPushNotifiAlerter"/>; null for the default client's.</summary>
    public static IPushNotifiAlerter? AlerterFor(IPushNotifiClient? client) => client is null ? null : DefaultClientAlerter.For(client);

    /// <summary>Starts a failure alert for <paramref name="exception"/>; marks it so that no other wrapper alerts for it.</summary>
    /// <param name="alerter">The wrapper's alerter; null for the default client's (<see cref="PushNotifiAlerts.Alerter"/>).</param>
    /// <param name="exception">What the implementation threw.</param>
    /// <param name="started">From <see cref="Start"/>.</param>
    /// <param name="method">The wrapped method, as <c>Type.Method</c>.</param>
    public static PushNotifiAlertContext FailureAlert(IPushNotifiAlerter? alerter, Exception exception, long started, string method)
    {
        var first = s_alerted.TryAdd(exception, s_marker);
        return new PushNotifiAlertContext(alerter, exception, started, method, suppressed: !first);
    }

    /// <summary>Starts a success alert.</summary>
    /// <param name="alerter">The wrapper's alerter; null for the default client's (<see cref="PushNotifiAlerts.Alerter"/>).</param>
    /// <param name="started">From <see cref="Start"/>.</param>
    /// <param name="method">The wrapped method, as <c>Type.Method</c>.</param>
    public static PushNotifiAlertContext SuccessAlert(IPushNotifiAlerter? alerter, long started, string method) =>
        new(alerter, exception: null, started, method, suppressed: false);

    /// <summary>Starts a failure alert sent through <paramref name="client"/>'s alerter; see <see cref="FailureAlert"/>.</summary>
    public static PushNotifiAlertContext Failure(IPushNotifiClient? client, Exception exception, long started, string method) =>
        FailureAlert(AlerterFor(client), exception, started, method);

    /// <summary>Starts a success alert sent through <paramref name="client"/>'s alerter; see <see cref="SuccessAlert"/>.</summary>
    public static PushNotifiAlertContext Success(IPushNotifiClient? client, long started, string method) =>
        SuccessAlert(AlerterFor(client), started, method);
}
