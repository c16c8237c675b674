using System.Diagnostics;

namespace PushNotifi.Redis.Tests;

/// <summary>Redis killed, restarted and hung under a running app: alerts still go out and nothing throws. Real time, bounded.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(200);
    private RedisServer? _redis;
    private Sandbox.SandboxServer _sandbox = null!;
    private readonly string _prefix = SharedRedis.NewPrefix();

    public async ValueTask InitializeAsync() => _sandbox = await TestSandbox.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task Killing_redis_mid_run_still_delivers_every_alert_logs_once_and_suppression_resumes_after_a_restart(RedisBackend backend)
    {
        _redis = await RedisServer.StartAsync(backend);
        await using var a = NewInstance();
        await using var b = NewInstance();
        var run = 0;
        for (; run < 5; run++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => a.Jobs.RunOnceAsync("kill", run, CancellationToken.None));
        }

        await _redis.KillAsync();
        for (; run < 25; run++)
        {
            // Only the job's own exception reaches the app.
            await Assert.ThrowsAsync<InvalidOperationException>(() => a.Jobs.RunOnceAsync("kill", run, CancellationToken.None));
            Assert.NotEqual(0L, await b.Store.IncrementAsync("errors", TimeSpan.FromMinutes(1)));
        }

        Assert.Equal(25, _sandbox.Notifications.Count);
        Assert.True(a.Logged(3001) == 1, a.Transcript);
        Assert.True(b.Logged(3001) == 1, b.Transcript);

        await _redis.StartAgainAsync();
        Assert.True(await SharedSuppressionResumesAsync(a, b), "shared suppression did not resume within 15 s of the restart");
        Assert.Equal(1, a.Logged(3002));
        for (var i = 0; i < 100; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => a.Jobs.RunAsync("after-restart", CancellationToken.None));
            await Assert.ThrowsAsync<InvalidOperationException>(() => b.Jobs.RunAsync("after-restart", CancellationToken.None));
        }

        Assert.Single(_sandbox.Notifications, n => n.IdempotencyKey == "storm:after-restart");
        Assert.True(a.Logged(3001) == 1, a.Transcript);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_hung_redis_costs_each_call_at_most_the_operation_timeout_and_alerts_still_go_out(RedisBackend backend)
    {
        _redis = await RedisServer.StartAsync(backend);
        await using var a = NewInstance();
        Assert.True(await a.Store.TryClaimAsync("before", TimeSpan.FromMinutes(1)));

        await _redis.PauseAsync();
        try
        {
            var slowest = TimeSpan.Zero;
            for (var i = 0; i < 10; i++)
            {
                var watch = Stopwatch.StartNew();
                Assert.True(await a.Store.TryClaimAsync("hung:" + i, TimeSpan.FromMinutes(1)));
                Assert.True(await a.Store.IncrementAsync("hung-count", TimeSpan.FromMinutes(1)) > 0);
                slowest = Max(slowest, watch.Elapsed);

                watch.Restart();
                await Assert.ThrowsAsync<InvalidOperationException>(() => a.Jobs.RunOnceAsync("hung", i, CancellationToken.None));
                slowest = Max(slowest, watch.Elapsed - SendTime());
                await Task.Delay(150); // let some calls land after the retry interval, so they probe the hung server
            }

            // Without the operation timeout a hung server costs StackExchange.Redis's 5 s per call. The bound only tells
            // the two apart; a tighter one (timeout + 1 s) failed at 1489 ms on a 2-core machine under a load of 13.
            Assert.True(slowest < TimeSpan.FromSeconds(4), $"slowest call took {slowest.TotalMilliseconds:0} ms, as if no operation timeout applied");
            Assert.Equal(10, _sandbox.Notifications.Count(n => n.IdempotencyKey!.StartsWith("job:hung:", StringComparison.Ordinal)));
            Assert.Equal(1, a.Logged(3001));
        }
        finally
        {
            await _redis.ResumeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_claim_granted_from_memory_while_redis_was_down_is_not_granted_again_once_redis_is_back(RedisBackend backend)
    {
        _redis = await RedisServer.StartAsync(backend);
        await using var a = NewInstance();
        await using var b = NewInstance();
        Assert.True(await a.Store.TryClaimAsync("before", TimeSpan.FromMinutes(1)));

        // Killed, not paused: a paused server still runs the SET it was sent once it resumes; a dead one never does
        // (as when the first connection is not up yet), so Redis comes back without the claim.
        await _redis.KillAsync();
        Assert.True(await a.Store.TryClaimAsync("during", TimeSpan.FromMinutes(1))); // fail open: this process alerts
        await _redis.StartAgainAsync();

        Assert.True(await SharedSuppressionResumesAsync(a, b), "shared suppression did not resume within 15 s of the restart");

        // Redis never saw the claim, but this process already sent that alert: not a second time in the window.
        Assert.False(await a.Store.TryClaimAsync("during", TimeSpan.FromMinutes(1)));
    }

    // Shared again once a key one instance claims is refused to the other; polled for up to 15 s.
    private static async Task<bool> SharedSuppressionResumesAsync(Instance a, Instance b)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var probe = "probe:" + attempt;
            if (await a.Store.TryClaimAsync(probe, TimeSpan.FromMinutes(1)) && !await b.Store.TryClaimAsync(probe, TimeSpan.FromMinutes(1)))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static TimeSpan Max(TimeSpan x, TimeSpan y) => x > y ? x : y;

    // The sandbox round trip of one alert is not Redis's cost; it is small on loopback.
    private static TimeSpan SendTime() => TimeSpan.FromMilliseconds(50);

    private Instance NewInstance() => new(_sandbox, o =>
    {
        o.ConnectionString = _redis!.ConnectionString;
        o.KeyPrefix = _prefix;
        o.OperationTimeout = s_timeout;
        o.RetryInterval = TimeSpan.FromMilliseconds(500);
    });
}
