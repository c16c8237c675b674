using System.Collections.Concurrent;

namespace PushNotifi.State;

/// <summary>
/// Keys with an expiry time, at most about <c>capacity</c> of them. Expired keys are replaced in place; when the
/// table is full, expired keys are swept first, then arbitrary ones, so memory stays flat under any number of keys.
/// </summary>
internal sealed class ExpiringTable(int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity = capacity;

    // Kept by hand: ConcurrentDictionary.Count takes every lock.
    private int _count;
    private int _sweeping;

    public int Count => Volatile.Read(ref _count);

    /// <summary>True when <paramref name="key"/> had no live entry and now has one until <paramref name="expires"/>.</summary>
    public bool TryClaim(string key, long now, long expires) => Touch(key, now, expires, count: false) == 1;

    /// <summary>Adds one to the live counter of <paramref name="key"/>, or starts one that lives until <paramref name="expires"/>.</summary>
    public long Increment(string key, long now, long expires) => Touch(key, now, expires, count: true);

    // A claim and a counter are one entry: 1 when this call started it (new or replacing an expired one); for a live
    // entry, the counter after adding one, or 0 for a claim, which leaves a live entry as it is.
    private long Touch(string key, long now, long expires, bool count)
    {
        while (true)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing.ExpiresAt > now)
                {
                    return count ? Interlocked.Increment(ref existing.Count) : 0;
                }

                if (_entries.TryUpdate(key, new Entry(expires, 1), existing))
                {
                    return 1;
                }

                continue;
            }

            Reserve(now);
            if (_entries.TryAdd(key, new Entry(expires, 1)))
            {
                return 1;
            }

            Interlocked.Decrement(ref _count);
        }
    }

    private void Reserve(long now)
    {
        if (Interlocked.Increment(ref _count) > _capacity)
        {
            Sweep(now);
        }
    }

    // One thread sweeps; the others go on (the table may briefly hold a few more than its capacity).
    // Sweeping down to 3/4 makes the O(n) pass happen once per capacity/4 new keys.
    private void Sweep(long now)
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var entry in _entries)
            {
                if (entry.Value.ExpiresAt <= now && _entries.TryRemove(entry))
                {
                    Interlocked.Decrement(ref _count);
                }
            }

            // Still full of live keys: forget arbitrary ones. A forgotten claim costs at most one more alert
            // (which the API's idempotency key still deduplicates); a forgotten counter starts again.
            var target = _capacity - (_capacity / 4);
            foreach (var entry in _entries)
            {
                if (Volatile.Read(ref _count) <= target)
                {
                    break;
                }

                if (_entries.TryRemove(entry))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private sealed class Entry(long expiresAt, long count)
    {
        public readonly long ExpiresAt = expiresAt;
        public long Count = count;
    }
}
