using System.Collections.Concurrent;

namespace PushNotifi.Redis;

/// <summary>
/// Claims this process knows are held in Redis, and until when, so that a storm on one key costs each instance one
/// round trip per window instead of one per failure; and claims it granted itself from memory while Redis could not
/// be asked, so that it never alerts twice for one key and window. An entry never outlives its window, and when full
/// the table is simply emptied.
/// </summary>
internal sealed class SeenClaims(TimeProvider time, int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, long> _until = new(StringComparer.Ordinal);
    private int _count;

    public bool IsHeld(string key)
    {
        if (!_until.TryGetValue(key, out var until))
        {
            return false;
        }

        if (time.GetTimestamp() < until)
        {
            return true;
        }

        if (_until.TryRemove(new KeyValuePair<string, long>(key, until)))
        {
            Interlocked.Decrement(ref _count);
        }

        return false;
    }

    /// <summary>Remembers that <paramref name="key"/> is held for <paramref name="remaining"/> more, as measured before asking Redis.</summary>
    public void Remember(string key, TimeSpan remaining, long askedAt)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        if (Interlocked.Increment(ref _count) > capacity)
        {
            _until.Clear();
            Volatile.Write(ref _count, 1);
        }

        var until = askedAt + (long)(remaining.TotalSeconds * time.TimestampFrequency);
        _until.AddOrUpdate(key, until, (_, _) => until);
    }
}
