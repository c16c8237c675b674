using System.Globalization;
using System.Text.RegularExpressions;

namespace PushNotifi.Redis.Tests;

[Collection(nameof(SharedRedisGroup))]
public sealed partial class RedisStateStoreTests(SharedRedis redis) : IAsyncLifetime
{
    private readonly string _prefix = SharedRedis.NewPrefix();
    private Sandbox.SandboxServer _sandbox = null!;
    private RedisServer _server = null!;

    public async ValueTask InitializeAsync() => _sandbox = await TestSandbox.StartAsync();

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task The_first_claim_across_instances_wins_and_the_key_expires_with_its_window(RedisBackend backend)
    {
        _server = await redis.ServerAsync(backend);
        await using var a = NewInstance();
        await using var b = NewInstance();

        Assert.True(await a.Store.TryClaimAsync("cron:nightly", TimeSpan.FromMinutes(5)));
        Assert.False(await b.Store.TryClaimAsync("cron:nightly", TimeSpan.FromMinutes(5)));
        Assert.False(await a.Store.TryClaimAsync("cron:nightly", TimeSpan.FromMinutes(5)));
        Assert.True(await b.Store.TryClaimAsync("cron:weekly", TimeSpan.FromMinutes(5)));

        var ttl = long.Parse(await _server.CommandAsync("PTTL", _prefix + "claim:cron:nightly"), CultureInfo.InvariantCulture);
        Assert.InRange(ttl, 290_000, 300_000);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Counters_are_shared_across_instances_and_expire_with_their_window(RedisBackend backend)
    {
        _server = await redis.ServerAsync(backend);
        await using var a = NewInstance();
        await using var b = NewInstance();

        Assert.Equal(1, await a.Store.IncrementAsync("rate:stripe:503", TimeSpan.FromMinutes(1)));
        Assert.Equal(2, await b.Store.IncrementAsync("rate:stripe:503", TimeSpan.FromMinutes(1)));
        Assert.Equal(3, await a.Store.IncrementAsync("rate:stripe:503", TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await a.Store.IncrementAsync("rate:stripe:429", TimeSpan.FromMinutes(1)));

        var ttl = long.Parse(await _server.CommandAsync("PTTL", _prefix + "count:rate:stripe:503"), CultureInfo.InvariantCulture);
        Assert.InRange(ttl, 50_000, 60_000);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Every_key_lives_under_the_prefix(RedisBackend backend)
    {
        _server = await redis.ServerAsync(backend);
        await using var a = NewInstance(rateLimitPerMinute: 100);
        await a.Store.TryClaimAsync("one", TimeSpan.FromMinutes(1));
        await a.Store.IncrementAsync("two", TimeSpan.FromMinutes(1));
        await a.Client.SendAsync(PushNotifiMessage.ToDefaultGroup("t", "m"));

        var keys = (await _server.CommandAsync("KEYS", "*" + _prefix + "*")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(_prefix + "claim:one", keys);
        Assert.Contains(_prefix + "count:two", keys);

        // RedisRateLimiting names its key "rl:{partition}"; the partition is our prefix + "ratelimit".
        Assert.Contains(keys, k => k.Contains(_prefix + "ratelimit", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_claim_costs_one_round_trip_and_a_claim_already_seen_taken_costs_none(RedisBackend backend)
    {
        _server = await redis.ServerAsync(backend);
        await using var a = NewInstance();
        await using var b = NewInstance();
        await a.Store.TryClaimAsync("warm", TimeSpan.FromMinutes(1)); // the script's first use loads it

        var before = await ScriptCallsAsync();
        for (var i = 0; i < 200; i++)
        {
            Assert.True(await a.Store.TryClaimAsync("distinct:" + i, TimeSpan.FromMinutes(1)));
        }

        var afterDistinct = await ScriptCallsAsync();
        for (var i = 0; i < 1000; i++)
        {
            Assert.False(await b.Store.TryClaimAsync("distinct:7", TimeSpan.FromMinutes(1)));
        }

        var afterRepeats = await ScriptCallsAsync();
        Assert.Equal(200, afterDistinct - before);
        Assert.Equal(1, afterRepeats - afterDistinct);
    }

    private Instance NewInstance(int? rateLimitPerMinute = null) => new(_sandbox, o =>
    {
        o.ConnectionString = _server.ConnectionString;
        o.KeyPrefix = _prefix;
    }, rateLimitPerMinute);

    // Round trips that ran a script (EVAL or EVALSHA), from the server's own count.
    private async Task<long> ScriptCallsAsync()
    {
        var stats = await _server.CommandAsync("INFO", "commandstats");
        return ScriptCalls().Matches(stats).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"cmdstat_eval(?:sha)?:calls=(\d+)")]
    private static partial Regex ScriptCalls();
}
