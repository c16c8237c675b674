using Microsoft.Extensions.DependencyInjection;

namespace PushNotifi.Tests;

/// <summary>How approvals are reached (the container) and what re-attaches them when no record is kept.</summary>
public class ApprovalWiringTests
{
    [Fact]
    public async Task AddPushNotifi_registers_approvals_that_re_attach_through_the_containers_store()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(f.Time);
        services.AddPushNotifi(o =>
        {
            o.UserKey = f.Options.UserKey;
            o.GroupKey = f.Options.GroupKey;
            o.ApiBaseUrl = f.Options.ApiBaseUrl;
        });
        await using var container = services.BuildServiceProvider();
        var request = ApprovalFixture.Request(f, required: 1, id: "container-1", members: 1);

        var first = await f.Clock.RunAsync(
            container.GetRequiredService<IPushNotifiApprovals>().RequestApprovalAsync(request, f.Clock),
            f.Tap(TimeSpan.FromSeconds(2), 1));
        var sends = f.Sends;
        var again = await container.GetRequiredService<IPushNotifiApprovals>().RequestApprovalAsync(request);

        Assert.IsType<PushNotifiApprovals>(container.GetRequiredService<IPushNotifiApprovals>());
        Assert.True(first.IsApproved);
        Assert.Equal(first.DecidedAt, again.DecidedAt);
        Assert.Equal(sends, f.Sends);
    }

    [Fact]
    public async Task Without_a_record_the_same_id_re_attaches_through_the_idempotency_keys_and_delivers_nothing_new()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var request = ApprovalFixture.Request(f, required: 1, id: "ci-rerun-9");
        var first = await f.Clock.RunAsync(
            new PushNotifiApprovals(f.Client, new ClaimsOnlyStore()).RequestApprovalAsync(request, f.Clock),
            f.Tap(TimeSpan.FromSeconds(2), 2));
        var delivered = f.Sandbox.Notifications.Count;
        var clock = new ApprovalClock(f.Time);

        var rerun = await clock.RunAsync(new PushNotifiApprovals(Loopback.Client(f.Options, time: f.Time), new ClaimsOnlyStore()).RequestApprovalAsync(request, clock));

        Assert.True(first.IsApproved);
        Assert.True(rerun.IsApproved);
        Assert.Equal(delivered, f.Sandbox.Notifications.Count); // the re-sent questions and follow-ups were duplicates
        Assert.Equal(first.Asked.Select(a => a.AlertId).Order(StringComparer.Ordinal), rerun.Asked.Select(a => a.AlertId).Order(StringComparer.Ordinal));
        Assert.Equal("member-2", Assert.Single(rerun.Answers).DeviceId);
    }

    /// <summary>A store that keeps claims and counters only, like one written before <see cref="IPushNotifiRecordStore"/>.</summary>
    private sealed class ClaimsOnlyStore : IPushNotifiStateStore
    {
        private readonly InMemoryPushNotifiStateStore _inner = new();

        public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken = default) => _inner.TryClaimAsync(key, window, cancellationToken);

        public ValueTask<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken = default) => _inner.IncrementAsync(key, window, cancellationToken);
    }
}
