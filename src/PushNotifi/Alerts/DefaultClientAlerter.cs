using System.Runtime.CompilerServices;

namespace PushNotifi.Alerts;

/// <summary>
/// <see cref="PushNotifiAlerts.Alerter"/>: the fallback for code with no container. Each alert goes through
/// <see cref="PushNotifiAlerts.DefaultClient"/> with the <see cref="PushNotifiAlerts"/> settings read at that moment.
/// </summary>
internal sealed class DefaultClientAlerter : IPushNotifiAlerter
{
    // Async wrappers ask on every call that does not complete at once, so one alerter per client, not per call.
    private static readonly ConditionalWeakTable<IPushNotifiClient, PushNotifiAlerter> s_others = new();

    private DefaultClientAlerter()
    {
    }

    internal static DefaultClientAlerter Instance { get; } = new();

    /// <inheritdoc />
    public Task<PushNotifiAlertOutcome> TrySendAlertAsync(PushNotifiAlert alert, CancellationToken cancellationToken = default)
    {
        if (!TryResolve(out var alerter, out var reason))
        {
            AlertLog.NoClient(PushNotifiAlerts.Logger, alert?.Source ?? "an alert", reason);
            return Task.FromResult(PushNotifiAlertOutcome.Failed(PushNotifiFailureKind.Validation, reason));
        }

        return alerter.TrySendAlertAsync(alert!, cancellationToken);
    }

    /// <summary>The default client's alerter, or why there is none (e.g. PUSHNOTIFI_USER_KEY is missing), redacted.</summary>
    internal static bool TryResolve([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PushNotifiAlerter? alerter, out string reason)
    {
        try
        {
            alerter = For(PushNotifiAlerts.DefaultClient);
            reason = string.Empty;
            return true;
        }
        catch (Exception error)
        {
            alerter = null;
            reason = Redactor.Default.Redact(error.Message);
            return false;
        }
    }

    /// <summary>
    /// The alerter of a client given outside a container: the built-in client's own (its redactor, and its
    /// container's store when it came from one); any other client's with the default redactor and the fallback settings.
    /// </summary>
    internal static PushNotifiAlerter For(IPushNotifiClient client) =>
        client is PushNotifiClient builtIn ? builtIn.Alerter : s_others.GetValue(client, static c => new PushNotifiAlerter(c, Redactor.Default));
}
