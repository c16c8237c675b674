using Microsoft.Extensions.Logging;
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
/// The counters and the window's claim live in <paramref name="store"/>: the container's
/// <see cref="IPushNotifiStateStore"/> (in memory by default, shared by every instance with <c>AddPushNotifiRedis</c>).
/// </remarks>
/// <param name="pushNotifi">Sends the alert.</param>
/// <param name="store">Holds the counters and the claims; <see cref="InMemoryPushNotifiStateStore"/> for one process.</param>
/// <param name="logger">Logs an alert that could not be sent; optional.</param>
/// <param name="timeProvider">The clock; the system clock when none is given.</param>
public sealed partial class ApiErrorRateMonitor(
    IPushNotifiClient pushNotifi,
    IPushNotifiStateStore store,
    ILogger<ApiErrorRateMonitor>? logger = null,
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

        // One key per counter and window: the counter and the claim of the next window start afresh. Each lives one
        // window length from its first use, so it is gone at the latest one window after its own window ended.
        var windowKey = $"rate:{counterKey}:{start}";
        var count = await store.IncrementAsync(windowKey, Window, cancellationToken).ConfigureAwait(false);
        if (count < Threshold
            || !await store.TryClaimAsync(windowKey, Window, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var message = PushNotifiMessage.ToDefaultGroup(
            $"{api} error-rate threshold",
            $"{count} {errorCode} errors in {(int)(now - windowStart).TotalSeconds}s (window of {Window.TotalMinutes:0.#} min from {start})") with
        {
            Priority = PushNotifiPriority.High,
            IdempotencyKey = windowKey,
        };

        try
        {
            await pushNotifi.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PushNotifiException ex)
        {
            // Tracking an error must not throw into the caller's error path; the failure is logged with its status.
            if (logger is not null)
            {
                LogAlertFailed(logger, counterKey, ex.StatusCode);
            }

            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PushNotifi error-rate alert for {CounterKey} could not be sent (status {StatusCode}).")]
    private static partial void LogAlertFailed(ILogger logger, string counterKey, int? statusCode);
}
