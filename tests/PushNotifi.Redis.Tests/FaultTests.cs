using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Redis.Tests;

/// <summary>Redis killed, restarted and hung under a running app: alerts still go out and nothing throws. Real time, bounded; the hung server on a fake clock.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(200);

    // The hung-server test runs on a fake clock: a long operation timeout there costs no real time, and without it
    // StackExchange.Redis's own timeout (4 × this one, in real time: 2 minutes) would end a call far later.
    private static readonly TimeSpan s_hungTimeout = TimeSpan.FromSeconds(30);
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
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var a = NewInstance(clock, s_hungTimeout);
        Assert.True(await a.Store.TryClaimAsync("before", TimeSpan.FromMinutes(1)));

        await _redis.PauseAsync();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                // Each call ends once the fake clock passes the operation timeout: in a step or two.
                await EndsOnTheClockAsync(clock, a.Store.TryClaimAsync("hung:" + i, TimeSpan.FromMinutes(1)).AsTask(), Assert.True);
                await EndsOnTheClockAsync(clock, a.Store.IncrementAsync("hung-count", TimeSpan.FromMinutes(1)).AsTask(), count => Assert.True(count > 0));
                await EndsOnTheClockAsync(clock, Assert.ThrowsAsync<InvalidOperationException>(() => a.Jobs.RunOnceAsync("hung", i, CancellationToken.None)), _ => { });

                // Past the retry interval, so the next calls probe the hung server again.
                clock.Advance(TimeSpan.FromMilliseconds(500));
            }

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

    // Steps of the operation timeout, each giving the call 100 ms of real time for what does not wait on the clock (the
    // send): 100 of them are 10–30 s of real time here, well short of the 2 minutes a call would take without it.
    private static async Task EndsOnTheClockAsync<T>(FakeTimeProvider clock, Task<T> call, Action<T> check)
    {
        await FakeClock.AdvanceUntilDoneAsync(clock, call, s_hungTimeout, maxSteps: 100);
        check(await call);
    }

    private Instance NewInstance(TimeProvider? time = null, TimeSpan? operationTimeout = null) => new(_sandbox, o =>
    {
        o.ConnectionString = _redis!.ConnectionString;
        o.KeyPrefix = _prefix;
        o.OperationTimeout = operationTimeout ?? s_timeout;
        o.RetryInterval = TimeSpan.FromMilliseconds(500);
    }, time: time);
}
