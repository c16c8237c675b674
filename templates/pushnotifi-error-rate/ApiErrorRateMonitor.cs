using PushNotifi;

namespace PushNotifiRecipes;

/// <summary>
/// Counts errors of external APIs per <c>api:errorCode</c> in fixed windows and sends one alert per window
/// when a counter reaches <see cref="Threshold"/>, keyed <c>rate:{api}:{errorCode}:{windowStart}</c>.
/// </summary>
/// <remarks>
/// Call <see cref="TrackErrorAsync"/> wherever a call to the API fails, instead of alerting per request:
/// a hot path that alerts per error pages you a thousand times an hour. Windows are aligned to the clock,
/// so every instance and a restarted process agree on the window start and the server deduplicates.
/// The counters live in <paramref name="store"/>, the container's <see cref="IPushNotifiStateStore"/> (in memory by
/// default, shared by every instance with <c>AddPushNotifiRedis</c>), where <paramref name="alerter"/> claims each
/// window's alert once. The alerter never throws: tracking an error never throws into the caller's error path.
/// </remarks>
/// <param name="alerter">Sends the window's alert, redacted, once per window; <c>PushNotifiAlerts.Alerter</c> with no container.</param>
/// <param name="store">Holds the counters; <see cref="InMemoryPushNotifiStateStore"/> for one process.</param>
/// <param name="timeProvider">The clock; the system clock when none is given.</param>
public sealed class ApiErrorRateMonitor(
    IPushNotifiAlerter alerter,
    IPushNotifiStateStore store,
    TimeProvider? timeProvider = null)
{
    /// <summary>The default window length, in minutes.</summary>
    public const int DefaultWindowMinutes = 5;

    /// <summary>The default number of errors in one window that triggers the alert.</summary>
    public const int DefaultThreshold = 10;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The window length.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(DefaultWindowMinutes);

    /// <summary>The number of errors in one window that triggers the alert.</summary>
    public int Threshold { get; init; } = DefaultThreshold;

    /// <summary>Counts one error and sends the window's alert when the counter reaches the threshold.</summary>
    /// <param name="api">The external API, for example <c>"stripe"</c>.</param>
    /// <param name="errorCode">The error class, for example <c>"rate_limited"</c> or <c>"503"</c>.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="true"/> when this call sent the window's alert.</returns>
    public async Task<bool> TrackErrorAsync(string api, string errorCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(api);
        ArgumentException.ThrowIfNullOrEmpty(errorCode);

        var now = _time.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Window.Ticks), TimeSpan.Zero);
        var counterKey = $"{api}:{errorCode}";
        var start = PushNotifiRunId.ForSchedule(windowStart, Window);

        // One key per counter and window: the counter and the alert's claim of the next window start afresh. Each
        // lives one window length from its first use, so it is gone at the latest one window after its own window ended.
        var windowKey = $"rate:{counterKey}:{start}";
        var count = await store.IncrementAsync(windowKey, Window, cancellationToken).ConfigureAwait(false);
        if (count < Threshold)
        {
            return false;
        }

        var outcome = await alerter.TrySendAlertAsync(
            new PushNotifiAlert(
                $"{api} error-rate threshold",
                $"{count} {errorCode} errors in {(int)(now - windowStart).TotalSeconds}s (window of {Window.TotalMinutes:0.#} min from {start})")
            {
                Priority = PushNotifiPriority.High,
                IdempotencyKey = windowKey,
                SuppressionWindow = Window,
                Source = nameof(ApiErrorRateMonitor),
            },
            cancellationToken).ConfigureAwait(false);
        return outcome.IsSent;
    }
}
