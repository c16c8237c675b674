using System.Threading.RateLimiting;

namespace PushNotifi.Redis;

/// <summary>Gives the client a rate limiter shared through Redis (see <see cref="SharedSendRateLimiter"/>).</summary>
internal sealed class RedisSendRateLimiterFactory(RedisConnection connection, RedisOutage outage, PushNotifiRedisOptions options, TimeProvider time)
    : IPushNotifiRateLimiterFactory
{
    public RateLimiter Create(int permitsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerMinute, 1);
        return new SharedSendRateLimiter(permitsPerMinute, connection, outage, options, time);
    }
}
