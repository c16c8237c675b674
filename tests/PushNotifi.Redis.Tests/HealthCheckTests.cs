using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PushNotifi.Redis.Tests;

[Collection(nameof(SharedRedisGroup))]
public sealed class HealthCheckTests(SharedRedis redis)
{
    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task The_check_is_healthy_while_redis_answers_and_degraded_when_nothing_listens(RedisBackend backend)
    {
        var server = await redis.ServerAsync(backend);
        Assert.Equal(HealthStatus.Healthy, await CheckAsync(server.ConnectionString));
        Assert.Equal(HealthStatus.Degraded, await CheckAsync("127.0.0.1:1,connectTimeout=200"));
    }

    private static async Task<HealthStatus> CheckAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPushNotifiRedis(connectionString);
        services.AddHealthChecks().AddPushNotifiRedis();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<RedisConnection>().FirstAttempt.WaitAsync(TimeSpan.FromSeconds(10));
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["pushnotifi-redis"].Status;
    }
}
