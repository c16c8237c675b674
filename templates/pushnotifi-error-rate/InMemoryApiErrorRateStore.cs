using System.Collections.Concurrent;

namespace PushNotifiRecipes;

/// <summary>
/// Thread-safe in-process counters for one instance. Memory is bounded: one entry per <c>api:errorCode</c>,
/// entries of past windows are dropped when a new window starts, and at most <see cref="MaxCounters"/> counters
/// are tracked (errors of further counters are not counted until old ones expire).
/// </summary>
/// <param name="maxCounters">The most counters kept at once.</param>
public sealed class InMemoryApiErrorRateStore(int maxCounters = InMemoryApiErrorRateStore.DefaultMaxCounters) : IApiErrorRateStore
{
    /// <summary>The default for <see cref="MaxCounters"/>.</summary>
    public const int DefaultMaxCounters = 10_000;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private long _newestWindowTicks;

    /// <summary>The most counters kept at once.</summary>
    public int MaxCounters { get; } = maxCounters > 0 ? maxCounters : throw new ArgumentOutOfRangeException(nameof(maxCounters));

    /// <inheritdoc />
    public ValueTask<long> IncrementAsync(string counterKey, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken)
    {
        var counter = GetCounter(counterKey, windowStart.UtcTicks);
        return ValueTask.FromResult(counter is null ? 0 : Interlocked.Increment(ref counter.Count));
    }

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAlertAsync(string counterKey, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken)
    {
        var counter = GetCounter(counterKey, windowStart.UtcTicks);
        return ValueTask.FromResult(counter is not null && Interlocked.Exchange(ref counter.Alerted, 1) == 0);
    }

    private Counter? GetCounter(string counterKey, long windowTicks)
    {
        DropPastWindows(windowTicks);
        while (true)
        {
            if (_counters.TryGetValue(counterKey, out var existing))
            {
                if (existing.WindowTicks == windowTicks)
                {
                    return existing;
                }

                if (existing.WindowTicks > windowTicks)
                {
                    return null; // a late error for a window that is already over
                }

                var next = new Counter(windowTicks);
                if (_counters.TryUpdate(counterKey, next, existing))
                {
                    return next;
                }

                continue;
            }

            if (_counters.Count >= MaxCounters)
            {
                return null;
            }

            var added = new Counter(windowTicks);
            if (_counters.TryAdd(counterKey, added))
            {
                return added;
            }
        }
    }

    // When a newer window starts, counters of older windows can never alert again: drop them.
    private void DropPastWindows(long windowTicks)
    {
        var newest = Interlocked.Read(ref _newestWindowTicks);
        if (windowTicks <= newest || Interlocked.CompareExchange(ref _newestWindowTicks, windowTicks, newest) != newest)
        {
            return;
        }

        foreach (var entry in _counters)
        {
            if (entry.Value.WindowTicks < windowTicks)
            {
                _counters.TryRemove(entry);
            }
        }
    }

    private sealed class Counter(long windowTicks)
    {
        public readonly long WindowTicks = windowTicks;
        public long Count;
        public int Alerted;
    }
}
