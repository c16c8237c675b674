using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PushNotifi.Sandbox;

namespace PushNotifi.Redis.Tests;

/// <summary>One app instance in this process: its own container, client, store and log, against the sandbox.</summary>
internal sealed class Instance : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="time">The clock of the client, the store's operation timeout and its outage; the system's when null.</param>
    public Instance(SandboxServer sandbox, Action<PushNotifiRedisOptions>? redis, int? rateLimitPerMinute = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging(b => b.AddProvider(Logs));
        services.AddPushNotifi(o =>
        {
            o.UserKey = TestKeys.User;
            o.GroupKey = TestKeys.Group;
            o.ApiBaseUrl = sandbox.BaseUrl;
            o.RetryBaseDelay = TimeSpan.Zero;
            o.RateLimitPerMinute = rateLimitPerMinute;
            o.RateLimitQueueTimeout = TimeSpan.Zero;
            if (time is not null)
            {
                // A test that moves a fake clock in long steps must not time out the sends in flight meanwhile.
                o.AttemptTimeout = TimeSpan.FromHours(12);
                o.RetryTotalTimeout = TimeSpan.FromHours(20);
            }
        });
        if (redis is not null)
        {
            services.AddPushNotifiRedis(redis);
        }

        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IPushNotifiClient>();
        Store = _provider.GetRequiredService<IPushNotifiStateStore>();
        Jobs = new StormJobs(Client);
        if (redis is not null)
        {
            // Tests start from a connected instance; start-up without Redis is the fail-open path, tested on its own.
            _provider.GetRequiredService<RedisConnection>().FirstAttempt.Wait(TimeSpan.FromSeconds(10));
        }
    }

    public FakeLoggerProvider Logs { get; } = new();

    public IPushNotifiClient Client { get; }

    public IPushNotifiStateStore Store { get; }

    public StormJobs Jobs { get; }

    public IServiceProvider Services => _provider;

    /// <summary>How many log lines of <paramref name="eventId"/> (3001: Redis unavailable, 3002: back) were written.</summary>
    public int Logged(int eventId) => Logs.Collector.GetSnapshot().Count(r => r.Id.Id == eventId);

    /// <summary>Every log line, for assertion messages.</summary>
    public string Transcript => string.Join(Environment.NewLine, Logs.Collector.GetSnapshot().Select(r => $"{r.Timestamp:HH:mm:ss.fff} {r.Id.Id} {r.Message}"));

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Logs.Dispose();
    }
}
