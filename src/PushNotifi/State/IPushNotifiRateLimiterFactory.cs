using System.Threading.RateLimiting;

namespace PushNotifi;

/// <summary>
/// Makes the limiter behind <see cref="PushNotifiOptions.RateLimitPerMinute"/> when one is registered with
/// dependency injection; without one, each container keeps its own in-process token bucket.
/// <c>PushNotifi.Redis</c> registers one that holds the limit across every instance.
/// </summary>
public interface IPushNotifiRateLimiterFactory
{
    /// <summary>
    /// Creates a limiter that grants <paramref name="permitsPerMinute"/> permits a minute, a burst of that size
    /// included. The client waits for a permit for at most <see cref="PushNotifiOptions.RateLimitQueueTimeout"/>
    /// by cancelling <see cref="RateLimiter.AcquireAsync(int, CancellationToken)"/>; a lease that is not acquired
    /// means no permit in time.
    /// </summary>
    /// <param name="permitsPerMinute">The limit, positive.</param>
    /// <returns>The limiter; the container disposes it with the client's other shared state.</returns>
    RateLimiter Create(int permitsPerMinute);
}
