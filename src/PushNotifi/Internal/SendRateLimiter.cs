using System.Threading.RateLimiting;

namespace PushNotifi.Internal;

/// <summary>
/// The client-side limit on sends: a token bucket of <c>perMinute</c> permits, one back every
/// <c>1 min / perMinute</c>. Excess sends wait (bounded by the queue timeout) and then fail. With a limiter from an
/// <see cref="IPushNotifiRateLimiterFactory"/> (e.g. one shared across instances) that one is used instead.
/// </summary>
internal sealed class SendRateLimiter : IDisposable
{
    private readonly RateLimiter _limiter;
    private readonly ITimer? _replenishTimer;
    private readonly TimeProvider _timeProvider;

    internal SendRateLimiter(int perMinute, TimeSpan queueTimeout, TimeProvider timeProvider, IPushNotifiRateLimiterFactory? factory = null)
    {
        PerMinute = perMinute;
        QueueTimeout = queueTimeout;
        _timeProvider = timeProvider;
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, TimeSpan.FromMinutes(1).Ticks / perMinute));
        ReplenishmentPeriod = period;
        if (factory is not null)
        {
            _limiter = factory.Create(perMinute);
            return;
        }

        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = perMinute,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,

            // Replenished by our own timer below: it holds the limiter weakly, so a client that is
            // dropped without disposal does not keep a timer alive forever.
            AutoReplenishment = false,
        });
        _replenishTimer = timeProvider.CreateTimer(Replenish, new WeakReference<SendRateLimiter>(this), period, period);
    }

    internal int PerMinute { get; }

    internal TimeSpan QueueTimeout { get; }

    /// <summary>How often one permit comes back; after a refusal, the next permit is due within this time.</summary>
    internal TimeSpan ReplenishmentPeriod { get; }

    /// <summary>Takes one permit, waiting at most <see cref="QueueTimeout"/>; false when none came in time.</summary>
    internal async ValueTask<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (QueueTimeout <= TimeSpan.Zero)
        {
            using var immediate = _limiter.AttemptAcquire(1);
            return immediate.IsAcquired;
        }

        using var timeout = new CancellationTokenSource(QueueTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var lease = await _limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
            return lease.IsAcquired;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _replenishTimer?.Dispose();
        _limiter.Dispose();
    }

    private static void Replenish(object? state)
    {
        if (((WeakReference<SendRateLimiter>)state!).TryGetTarget(out var owner))
        {
            ((TokenBucketRateLimiter)owner._limiter).TryReplenish();
        }
    }
}
