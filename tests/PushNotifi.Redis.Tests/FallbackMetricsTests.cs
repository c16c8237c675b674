using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace PushNotifi.Redis.Tests;

/// <summary><c>pushnotifi.state.fallbacks</c>: each call that Redis could not answer is counted, on the container's meter.</summary>
public sealed class FallbackMetricsTests
{
    [Fact]
    public async Task Calls_answered_from_memory_while_redis_is_unreachable_count_as_fallbacks()
    {
        var services = new ServiceCollection();
        services.AddPushNotifi(o =>
        {
            o.UserKey = TestKeys.User;
            o.GroupKey = TestKeys.Group;
        });

        // Nothing listens on the port: each call waits out the operation timeout (or skips Redis during a known outage).
        services.AddPushNotifiRedis(o =>
        {
            o.ConnectionString = $"127.0.0.1:{FreePort.Next()},abortConnect=false,connectTimeout=200";
            o.OperationTimeout = TimeSpan.FromMilliseconds(100);
            o.RetryInterval = TimeSpan.FromMinutes(5);
        });
        await using var provider = services.BuildServiceProvider();
        using var fallbacks = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), PushNotifiTelemetry.MeterName, "pushnotifi.state.fallbacks");
        var store = provider.GetRequiredService<IPushNotifiStateStore>();

        Assert.True(await store.TryClaimAsync("a", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        Assert.True(await store.TryClaimAsync("b", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
        Assert.Equal(1, await store.IncrementAsync("n", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        var seen = fallbacks.GetMeasurementSnapshot();
        Assert.Equal(3, seen.Count);
        Assert.All(seen, m => Assert.Equal("redis", m.Tags["pushnotifi.state.store"]));
        Assert.Equal(["claim", "claim", "increment"], seen.Select(m => m.Tags["pushnotifi.state.operation"]));
        Assert.All(seen, m => Assert.Contains(m.Tags["pushnotifi.state.reason"], new object?[] { "error", "outage" }));
    }
}
