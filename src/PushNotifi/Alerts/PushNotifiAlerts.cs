using Microsoft.Extensions.Logging;
using PushNotifi.Alerts;

namespace PushNotifi;

/// <summary>
/// The fallback for code with no container (static methods, console tools): the default client, the alert time
/// budget, the suppression window and its store, and where alert failures are logged. With <c>AddPushNotifi</c>,
/// inject <see cref="IPushNotifiAlerter"/> instead: it takes all of these from the container and
/// <see cref="PushNotifiOptions"/>, and none of these statics applies to it.
/// </summary>
public static class PushNotifiAlerts
{
    /// <summary>The default time an alert may take before the wrapper gives up on it and rethrows.</summary>
    public static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromSeconds(5);

    /// <summary>The default <see cref="SuppressionWindow"/>.</summary>
    public static readonly TimeSpan DefaultSuppressionWindow = TimeSpan.FromMinutes(5);

    private static readonly Lock s_gate = new();
    private static IPushNotifiClient? s_defaultClient;
    private static TimeSpan s_timeBudget = DefaultTimeBudget;
    private static TimeSpan s_suppressionWindow = DefaultSuppressionWindow;
    private static IPushNotifiStateStore s_store = new InMemoryPushNotifiStateStore();

    /// <summary>
    /// How long a wrapper waits for its alert before it rethrows the original exception anyway; 5 seconds by
    /// default. The send is cancelled when the budget runs out or the caller's token is cancelled.
    /// </summary>
    public static TimeSpan TimeBudget
    {
        get => s_timeBudget;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            s_timeBudget = value;
        }
    }

    /// <summary>
    /// After a wrapper sends an alert, further alerts with the same idempotency key are not sent for this long:
    /// the wrapper claims the key in the store first (only on failure; the happy path never touches it). 5 minutes
    /// by default; <see cref="TimeSpan.Zero"/> turns it off. A wrapper's own window, when set, wins.
    /// </summary>
    public static TimeSpan SuppressionWindow
    {
        get => s_suppressionWindow;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            s_suppressionWindow = value;
        }
    }

    /// <summary>
    /// Where wrappers claim their alerts when their client does not come from a container (a container's client
    /// claims in the container's <see cref="IPushNotifiStateStore"/>). A process-wide
    /// <see cref="InMemoryPushNotifiStateStore"/> by default.
    /// </summary>
    public static IPushNotifiStateStore Store
    {
        get => Volatile.Read(ref s_store);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref s_store, value);
        }
    }

    /// <summary>
    /// Where a failed alert is logged (status and reason, never a key). When null, one line goes to standard error.
    /// </summary>
    public static ILogger? Logger { get; set; }

    /// <summary>
    /// The client that wrappers use when their type has no <see cref="IPushNotifiClient"/> member, and for static
    /// methods. Built on first use from the PUSHNOTIFI_* environment variables; set it to use another client.
    /// </summary>
    /// <exception cref="PushNotifiConfigurationException">No client was set and the environment is incomplete (e.g. PUSHNOTIFI_USER_KEY is missing).</exception>
    public static IPushNotifiClient DefaultClient
    {
        get
        {
            lock (s_gate)
            {
                // Not cached on failure, so fixing the environment takes effect without a restart.
                return s_defaultClient ??= new PushNotifiClient(PushNotifiOptions.FromEnvironment());
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (s_gate)
            {
                s_defaultClient = value;
            }
        }
    }

    /// <summary>
    /// The guarded alert send over <see cref="DefaultClient"/> and these settings, for code with no container. A
    /// missing configuration is an outcome (<see cref="PushNotifiAlertStatus.Failed"/>), never an exception.
    /// </summary>
    public static IPushNotifiAlerter Alerter => DefaultClientAlerter.Instance;

    /// <summary>Forgets the default client, so the next alert builds it again from the environment.</summary>
    public static void ResetDefaultClient()
    {
        lock (s_gate)
        {
            s_defaultClient = null;
        }
    }
}
