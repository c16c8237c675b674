using System.Collections.Concurrent;
using PushNotifi.State;

namespace PushNotifi;

/// <summary>
/// The default <see cref="IPushNotifiStateStore"/>: claims and counters in this process only. Thread-safe, expires
/// on the injected <see cref="TimeProvider"/>, and bounded: at most about <see cref="MaxKeys"/> claims and as many
/// counters. When full, expired keys go first, then arbitrary ones (a forgotten claim costs at most one more alert).
/// Completes synchronously and allocates only for a new key.
/// </summary>
public sealed class InMemoryPushNotifiStateStore : IPushNotifiStateStore, IPushNotifiRecordStore
{
    /// <summary>The default for <see cref="MaxKeys"/>.</summary>
    public const int DefaultMaxKeys = 100_000;

    private static readonly ValueTask<bool> s_claimed = new(true);
    private static readonly ValueTask<bool> s_taken = new(false);

    private readonly TimeProvider _time;
    private readonly ExpiringTable _claims;
    private readonly ExpiringTable _counters;
    private readonly ConcurrentDictionary<string, (string Value, long ExpiresAt)> _records = new(StringComparer.Ordinal);

    /// <summary>Creates a store on <paramref name="timeProvider"/> (the system clock when null).</summary>
    /// <param name="timeProvider">Measures the windows.</param>
    /// <param name="maxKeys">The most claims, and the most counters, kept at once.</param>
    public InMemoryPushNotifiStateStore(TimeProvider? timeProvider = null, int maxKeys = DefaultMaxKeys)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        _time = timeProvider ?? TimeProvider.System;
        MaxKeys = maxKeys;
        _claims = new ExpiringTable(maxKeys);
        _counters = new ExpiringTable(maxKeys);
    }

    /// <summary>The most claims, and the most counters, kept at once.</summary>
    public int MaxKeys { get; }

    /// <summary>The claims and counters held now, expired ones included until they are swept or replaced.</summary>
    public int Count => _claims.Count + _counters.Count;

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var now = _time.GetTimestamp();
        return _claims.TryClaim(key, now, Expiry(now, window)) ? s_claimed : s_taken;
    }

    /// <inheritdoc />
    public ValueTask<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var now = _time.GetTimestamp();
        return new(_counters.Increment(key, now, Expiry(now, window)));
    }

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(_records.TryGetValue(key, out var record) && record.ExpiresAt > _time.GetTimestamp() ? record.Value : null);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, string value, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var now = _time.GetTimestamp();
        if (_records.Count >= MaxKeys && !_records.ContainsKey(key))
        {
            // Bounded like the claims: expired records go first, then arbitrary ones.
            foreach (var (old, record) in _records)
            {
                if (record.ExpiresAt <= now || _records.Count >= MaxKeys)
                {
                    _records.TryRemove(old, out _);
                }
            }
        }

        _records[key] = (value, Expiry(now, window));
        return ValueTask.CompletedTask;
    }

    private long Expiry(long now, TimeSpan window)
    {
        // In the provider's timestamp units; saturates instead of overflowing for very long windows.
        var units = window.TotalSeconds * _time.TimestampFrequency;
        return units >= long.MaxValue - now ? long.MaxValue : now + (long)units;
    }
}
