using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace PushNotifi.Redis;

/// <summary>
/// Whether Redis is usable right now, shared by the store and the rate limiter: one log line when an outage
/// starts and one when it ends, never one per call. While down, calls skip Redis, and one call per
/// <see cref="PushNotifiRedisOptions.RetryInterval"/> tries it again, so the app recovers by itself.
/// </summary>
internal sealed class RedisOutage(TimeProvider time, TimeSpan retryInterval, ILogger logger)
{
    private int _down;
    private int _probing;
    private long _since;
    private long _nextProbe;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>True when this call should use Redis: always while up; while down, one call per retry interval.</summary>
    public bool ShouldTry()
    {
        if (Volatile.Read(ref _down) == 0)
        {
            return true;
        }

        return time.GetTimestamp() >= Volatile.Read(ref _nextProbe) && Interlocked.CompareExchange(ref _probing, 1, 0) == 0;
    }

    public void Succeeded()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
        {
            var seconds = time.GetElapsedTime(Volatile.Read(ref _since)).TotalSeconds;
            Log.Recovered(logger, seconds);
        }

        Volatile.Write(ref _probing, 0);
    }

    /// <summary>Records a failed call; <paramref name="startingUp"/> (the first connection still pending) is not an outage.</summary>
    public void Failed(Exception? error, bool startingUp = false)
    {
        if (startingUp)
        {
            Volatile.Write(ref _probing, 0);
            return;
        }

        var now = time.GetTimestamp();
        Volatile.Write(ref _nextProbe, now + (long)(retryInterval.TotalSeconds * time.TimestampFrequency));
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Volatile.Write(ref _since, now);
            Log.Unavailable(logger, Reason(error));
        }

        Volatile.Write(ref _probing, 0);
    }

    // Only the kind of failure: StackExchange.Redis messages can quote the command and its key.
    private static string Reason(Exception? error) => error switch
    {
        null => "not connected",
        RedisConnectionException connection => "connection " + connection.FailureType,
        TimeoutException or RedisTimeoutException => "no answer in time",
        _ => error.GetType().Name,
    };
}
