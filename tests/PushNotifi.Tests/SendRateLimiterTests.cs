namespace PushNotifi.Tests;

/// <summary>The token bucket behind RateLimitPerMinute, on its own.</summary>
public class SendRateLimiterTests
{
    [Fact]
    public async Task A_full_bucket_allows_a_burst_of_the_per_minute_limit_and_no_more()
    {
        using var limiter = new SendRateLimiter(perMinute: 5, queueTimeout: TimeSpan.Zero, TimeProvider.System);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(await limiter.TryAcquireAsync(CancellationToken.None));
        }

        Assert.False(await limiter.TryAcquireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Permits_come_back_so_more_than_a_full_bucket_eventually_goes_through()
    {
        // 6000 a minute gives a permit back every 10 ms on the real clock; the 30 s wait is only a bound.
        using var limiter = new SendRateLimiter(perMinute: 6000, queueTimeout: TimeSpan.FromSeconds(30), TimeProvider.System);

        for (var i = 0; i < 6000; i++)
        {
            Assert.True(await limiter.TryAcquireAsync(CancellationToken.None));
        }

        // The bucket holds 6000, so this permit can only come from a refill.
        Assert.True(await limiter.TryAcquireAsync(CancellationToken.None));
    }
}
