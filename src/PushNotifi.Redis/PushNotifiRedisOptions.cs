using StackExchange.Redis;

namespace PushNotifi.Redis;

/// <summary>How <c>AddPushNotifiRedis</c> reaches Redis and how it behaves when Redis does not answer.</summary>
public sealed class PushNotifiRedisOptions
{
    /// <summary>The default <see cref="KeyPrefix"/>.</summary>
    public const string DefaultKeyPrefix = "pushnotifi:";

    /// <summary>A StackExchange.Redis connection string, e.g. <c>localhost:6379</c>; used when <see cref="Connection"/> is null.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>An existing connection to share; the caller keeps ownership and disposes it.</summary>
    public IConnectionMultiplexer? Connection { get; set; }

    /// <summary>Put before every key, so several apps can share one Redis; <c>pushnotifi:</c> by default.</summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;

    /// <summary>
    /// The most one Redis operation may take before the call goes on without Redis (fail open); 250 ms by default.
    /// A claim or counter then uses this process's memory, and the rate limit this process's own bucket.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// During an outage, how long calls skip Redis before one call tries it again; 1 second by default. This is
    /// how a hung Redis costs one call the <see cref="OperationTimeout"/> per interval, not every call.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);
}
