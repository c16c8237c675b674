using System.Collections.Concurrent;

namespace PushNotifiRecipes;

/// <summary>
/// Suppresses repeat alerts per idempotency key for <see cref="SuppressFor"/>: a source that retries a failing
/// event, or an attacker replaying a bad signature, pages once. Memory is bounded by <c>maxKeys</c>; past it,
/// expired keys are dropped, and when none has expired an alert is sent unrecorded (the server still
/// deduplicates by key).
/// </summary>
/// <param name="timeProvider">The clock; the system clock when none is given.</param>
/// <param name="maxKeys">The most keys remembered at once.</param>
public sealed class PaymentWebhookAlertThrottle(TimeProvider? timeProvider = null, int maxKeys = 10_000)
{
    /// <summary>How long repeat alerts for one key are suppressed.</summary>
    public static readonly TimeSpan SuppressFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _alertedAt = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Whether an alert for <paramref name="key"/> was sent less than <see cref="SuppressFor"/> ago.</summary>
    /// <param name="key">The alert's idempotency key.</param>
    public bool IsSuppressed(string key)
        => _alertedAt.TryGetValue(key, out var at) && _time.GetUtcNow() - at < SuppressFor;

    /// <summary>Records that an alert for <paramref name="key"/> was just sent.</summary>
    /// <param name="key">The alert's idempotency key.</param>
    public void Record(string key)
    {
        var now = _time.GetUtcNow();
        if (_alertedAt.Count >= maxKeys && !_alertedAt.ContainsKey(key))
        {
            foreach (var entry in _alertedAt)
            {
                if (now - entry.Value >= SuppressFor)
                {
                    _alertedAt.TryRemove(entry);
                }
            }

            if (_alertedAt.Count >= maxKeys)
            {
                return;
            }
        }

        _alertedAt[key] = now;
    }

    /// <summary>Returns <see langword="true"/> and records the key when no alert for it is suppressed.</summary>
    /// <param name="key">The alert's idempotency key.</param>
    public bool TryAcquire(string key)
    {
        if (IsSuppressed(key))
        {
            return false;
        }

        Record(key);
        return true;
    }
}
