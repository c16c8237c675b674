namespace PushNotifi.Tests;

/// <summary>Team approvals against the sandbox's team of three, on a fake clock: the rules of N of M and vetoes.</summary>
public class TeamApprovalTests
{
    private static readonly TimeSpan s_second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Two_of_three_approving_approves_with_who_and_from_which_device()
    {
        await using var f = await ApprovalFixture.StartAsync();

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 2), f.Clock),
            f.Tap(5 * s_second, 1),
            f.Tap(12 * s_second, 2));

        Assert.Equal(PushNotifiApprovalOutcome.Approved, decision.Outcome);
        Assert.True(decision.IsApproved);
        Assert.Equal(1, decision.DecidingStep);
        Assert.Equal(3, decision.Asked.Count);
        Assert.Equal(["member-1", "member-2"], decision.Answers.Select(a => a.DeviceId));
        Assert.Equal([TestKeys.LastFour(f.Members[0]), TestKeys.LastFour(f.Members[1])], decision.Answers.Select(a => a.Target));
        Assert.All(decision.Answers, a => Assert.True(a.InTime && a.Approves && a.Response == "Approve"));
        Assert.Equal(f.Time.GetUtcNow(), decision.DecidedAt);
        Assert.Equal(3, f.Sandbox.Notifications.Count(n => n.Priority == 2));
    }

    [Fact]
    public async Task The_others_get_one_low_priority_follow_up_naming_who_decided()
    {
        await using var f = await ApprovalFixture.StartAsync();

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 1, id: "deploy-17"), f.Clock),
            f.Tap(3 * s_second, 2));

        Assert.True(decision.IsApproved);
        var followUps = f.Sandbox.Notifications.Where(n => n.Priority == -1).ToList();
        Assert.Equal(new[] { f.Members[0], f.Members[2] }.Order(StringComparer.Ordinal), followUps.Select(n => n.SendToKey!).Order(StringComparer.Ordinal));
        Assert.All(followUps, n => Assert.Contains("Decided: approved by " + TestKeys.LastFour(f.Members[1]), n.Message, StringComparison.Ordinal));
        Assert.All(followUps, n => Assert.DoesNotContain(f.Members[1], n.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_decline_denies_at_once_when_declines_veto()
    {
        await using var f = await ApprovalFixture.StartAsync();

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 2), f.Clock),
            f.Tap(2 * s_second, 1),
            f.Tap(4 * s_second, 3, "Deny"));

        Assert.Equal(PushNotifiApprovalOutcome.Denied, decision.Outcome);
        Assert.False(decision.IsApproved);
        Assert.Contains(TestKeys.LastFour(f.Members[2]), decision.Reason, StringComparison.Ordinal);
        Assert.Equal(4 * s_second, decision.DecidedAt - decision.AskedAt);
    }

    [Fact]
    public async Task Without_veto_a_decline_only_counts_against_N_and_the_wait_goes_on()
    {
        await using var f = await ApprovalFixture.StartAsync();

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 2, veto: false), f.Clock),
            f.Tap(2 * s_second, 1),
            f.Tap(4 * s_second, 3, "Deny"),
            f.Tap(90 * s_second, 2));

        Assert.Equal(PushNotifiApprovalOutcome.Approved, decision.Outcome);
        Assert.True(decision.DecidedAt - decision.AskedAt >= 90 * s_second);
        Assert.Contains(decision.Answers, a => a is { Response: "Deny", Approves: false, InTime: true });
    }

    [Fact]
    public async Task When_N_approvals_can_no_longer_be_reached_it_is_denied_before_the_deadline()
    {
        await using var f = await ApprovalFixture.StartAsync();

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 2, veto: false), f.Clock),
            f.Tap(2 * s_second, 1, "Deny"),
            f.Tap(6 * s_second, 3, "Deny"));

        Assert.Equal(PushNotifiApprovalOutcome.Denied, decision.Outcome);
        Assert.Contains("can no longer be reached", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(6 * s_second, decision.DecidedAt - decision.AskedAt);
    }

    [Fact]
    public async Task The_deadline_expires_and_never_approves()
    {
        await using var f = await ApprovalFixture.StartAsync();

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 1, timeout: TimeSpan.FromMinutes(2)), f.Clock));

        Assert.Equal(PushNotifiApprovalOutcome.Expired, decision.Outcome);
        Assert.False(decision.IsApproved);
        Assert.Empty(decision.Answers);
        Assert.Equal(TimeSpan.FromMinutes(2), decision.DecidedAt - decision.AskedAt);
        Assert.Equal(3, f.Sandbox.Notifications.Count(n => n.Priority == -1 && n.Message.StartsWith("Decided: expired", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_tap_in_the_last_pause_before_the_deadline_still_counts()
    {
        await using var f = await ApprovalFixture.StartAsync();

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 1, timeout: TimeSpan.FromMinutes(5)), f.Clock),
            f.Tap(TimeSpan.FromMinutes(5) - s_second, 2));

        Assert.True(decision.IsApproved);
        Assert.Equal(TimeSpan.FromMinutes(5), decision.DecidedAt - decision.AskedAt);
    }

    [Fact]
    public async Task A_group_counts_once_whoever_in_it_taps()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var request = ApprovalFixture.Request(f, required: 2, timeout: TimeSpan.FromMinutes(1)) with
        {
            Steps = [new PushNotifiApprovalStep { Targets = [PushNotifiApprovalTarget.Group(f.TeamGroup), f.Member(1)] }],
        };

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(request, f.Clock),
            (2 * s_second, () => f.Sandbox.AckAs(f.AlertTo(f.TeamGroup), 2, "Approve")),
            (3 * s_second, () => f.Sandbox.AckAs(f.AlertTo(f.TeamGroup), 3, "Approve")));

        Assert.Equal(PushNotifiApprovalOutcome.Expired, decision.Outcome);
        var answer = Assert.Single(decision.Answers);
        Assert.Equal(("member-2", PushNotifiRecipientType.Group), (answer.DeviceId, answer.TargetType));
    }

    [Fact]
    public async Task An_excluded_recipient_is_never_asked()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var request = ApprovalFixture.Request(f, required: 1, timeout: TimeSpan.FromSeconds(30)) with { Exclude = [f.Members[0]] };

        var decision = await f.Clock.RunAsync(f.Approvals().RequestApprovalAsync(request, f.Clock));

        Assert.Equal(2, decision.Asked.Count);
        Assert.DoesNotContain(f.Sandbox.Notifications, n => n.SendToKey == f.Members[0]);
    }

    [Fact]
    public async Task Excluding_so_many_that_N_is_out_of_reach_denies_without_paging_anyone()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var request = ApprovalFixture.Request(f, required: 3) with { Exclude = [f.Members[0]] };

        var decision = await f.Approvals().RequestApprovalAsync(request);

        Assert.Equal(PushNotifiApprovalOutcome.Denied, decision.Outcome);
        Assert.Equal(0, f.Sends);
    }

    [Fact]
    public async Task The_audit_record_round_trips_as_JSON_with_keys_as_last_four_only()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 1, id: "audit-1"), f.Clock),
            f.Tap(s_second, 1));

        var json = decision.ToJson();
        var back = PushNotifiApprovalDecision.FromJson(json);

        Assert.Contains("\"outcome\":\"Approved\"", json, StringComparison.Ordinal);
        Assert.Contains("\"approval_id\":\"audit-1\"", json, StringComparison.Ordinal);
        Assert.All(f.Members, key => Assert.DoesNotContain(key, json, StringComparison.Ordinal));
        Assert.Equal(decision.Outcome, back.Outcome);
        Assert.Equal(decision.Answers, back.Answers);
        Assert.Equal(decision.Asked, back.Asked);
    }
}
