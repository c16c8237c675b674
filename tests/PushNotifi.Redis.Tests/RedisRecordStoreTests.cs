using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace PushNotifi.Redis.Tests;

/// <summary>The Redis store as a team approval's <see cref="IPushNotifiRecordStore"/>: shared across instances, with an expiry.</summary>
[Collection(nameof(SharedRedisGroup))]
public sealed class RedisRecordStoreTests(SharedRedis redis) : IAsyncLifetime
{
    private readonly string _prefix = SharedRedis.NewPrefix();
    private Sandbox.SandboxServer _sandbox = null!;
    private RedisServer _server = null!;

    private readonly List<string> _members = [];

    public async ValueTask InitializeAsync() => _sandbox = await TestSandbox.StartAsync(o =>
    {
        o.TeamSize = 2;
        o.WithFakeKeys();
        _members.AddRange(o.TeamMembers);
    });

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_record_written_by_one_instance_is_read_by_another_under_the_prefix_and_expires_with_its_window(RedisBackend backend)
    {
        _server = await redis.ServerAsync(backend);
        await using var a = NewInstance();
        await using var b = NewInstance();
        var writer = Assert.IsAssignableFrom<IPushNotifiRecordStore>(a.Store);
        var reader = Assert.IsAssignableFrom<IPushNotifiRecordStore>(b.Store);

        await writer.SetAsync("approval:deploy-42", """{"decided":true}""", TimeSpan.FromMinutes(5));
        await writer.SetAsync("approval:short", "soon gone", TimeSpan.FromMilliseconds(300));

        Assert.Equal("""{"decided":true}""", await reader.GetAsync("approval:deploy-42"));
        Assert.Null(await reader.GetAsync("approval:never-written"));
        var ttl = long.Parse(await _server.CommandAsync("PTTL", _prefix + "record:approval:deploy-42"), CultureInfo.InvariantCulture);
        Assert.InRange(ttl, 290_000, 300_000);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await reader.GetAsync("approval:short") is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Null(await reader.GetAsync("approval:short"));
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_record_replaced_by_another_instance_is_read_with_its_new_value(RedisBackend backend)
    {
        _server = await redis.ServerAsync(backend);
        await using var a = NewInstance();
        await using var b = NewInstance();
        var first = Assert.IsAssignableFrom<IPushNotifiRecordStore>(a.Store);
        var second = Assert.IsAssignableFrom<IPushNotifiRecordStore>(b.Store);

        await first.SetAsync("approval:release", "asked", TimeSpan.FromMinutes(1));
        await second.SetAsync("approval:release", "decided", TimeSpan.FromMinutes(1));

        Assert.Equal("decided", await first.GetAsync("approval:release"));
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task With_redis_killed_records_fail_open_to_this_processs_own_copy_without_throwing(RedisBackend backend)
    {
        await using var own = await RedisServer.StartAsync(backend);
        _server = own;
        await using var a = NewInstance(TimeSpan.FromMilliseconds(200));
        var records = Assert.IsAssignableFrom<IPushNotifiRecordStore>(a.Store);
        await records.SetAsync("approval:before", "kept", TimeSpan.FromMinutes(1));

        await own.KillAsync();
        await records.SetAsync("approval:during", "also kept", TimeSpan.FromMinutes(1));

        Assert.Equal("kept", await records.GetAsync("approval:before"));
        Assert.Equal("also kept", await records.GetAsync("approval:during"));
        Assert.Null(await records.GetAsync("approval:unknown"));
        Assert.True(a.Logged(3001) == 1, a.Transcript);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task An_approval_asked_again_after_a_restart_re_attaches_through_redis_and_sends_no_new_question(RedisBackend backend)
    {
        _server = await redis.ServerAsync(backend);
        var request = new PushNotifiApprovalRequest
        {
            Title = "Deploy",
            Message = "Deploy v2 to production?",
            Steps = [new PushNotifiApprovalStep { Targets = [PushNotifiApprovalTarget.User(_members[0])] }],
            Timeout = TimeSpan.FromMinutes(2),
            ApprovalId = "restart-" + Guid.NewGuid().ToString("N"),
        };

        await using (var before = NewInstance())
        {
            using var crash = new CancellationTokenSource();
            var asking = before.Services.GetRequiredService<IPushNotifiApprovals>().RequestApprovalAsync(request, cancellationToken: crash.Token);
            await WaitUntilAsync(async () => (await _server.CommandAsync("KEYS", _prefix + "record:*")).Contains("record:", StringComparison.Ordinal));
            await crash.CancelAsync(); // the process stops while the question is open
            try
            {
                Assert.False((await asking).IsApproved); // a cancelled wait ends undecided, or throws
            }
            catch (OperationCanceledException)
            {
            }
        }

        var questions = Questions();
        var notifications = _sandbox.Notifications.Count;
        await using var after = NewInstance();
        var again = after.Services.GetRequiredService<IPushNotifiApprovals>().RequestApprovalAsync(request);
        var alert = _sandbox.Notifications.Single(n => n.SendToKey == _members[0] && n.AlertId is not null).AlertId!;
        _sandbox.AckAs(alert, 1, "Approve");
        var decision = await again.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(decision.IsApproved);
        Assert.Equal(alert, Assert.Single(decision.Asked).AlertId);
        Assert.Equal(questions, Questions()); // re-attached from the record: not even a deduplicated re-send
        Assert.Equal(notifications, _sandbox.Notifications.Count);
    }

    // Questions sent (priority-2 sends, duplicates by idempotency key included).
    private int Questions() => _sandbox.Requests.Count(r => r.Method == "POST" && r.Path == "/api/v1/message" && r.Body.Contains("\"priority\":2", StringComparison.Ordinal));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }

    private Instance NewInstance(TimeSpan? timeout = null) => new(_sandbox, o =>
    {
        o.ConnectionString = _server.ConnectionString;
        o.KeyPrefix = _prefix;
        if (timeout is { } t)
        {
            o.OperationTimeout = t;
        }
    });
}
