namespace PushNotifi.Tests;

/// <summary>Team approvals over time: escalation, late answers, cancellation, restarts, fresh ids, and the request budget.</summary>
public class ApprovalLifetimeTests
{
    private static readonly TimeSpan s_minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Nobody_answering_step_one_asks_step_two_at_its_time_and_a_late_step_one_answer_still_counts()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var request = ApprovalFixture.Request(f, required: 1, timeout: TimeSpan.FromHours(1)) with
        {
            Steps =
            [
                new PushNotifiApprovalStep { Targets = [f.Member(1)], EscalateAfter = 10 * s_minute },
                new PushNotifiApprovalStep { Targets = [f.Member(2), f.Member(3)] },
            ],
        };
        var sendsBeforeStepTwo = -1;

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(request, f.Clock),
            (10 * s_minute - TimeSpan.FromSeconds(1), () => sendsBeforeStepTwo = f.Sends),
            f.Tap(11 * s_minute, 1));

        Assert.Equal(1, sendsBeforeStepTwo);
        Assert.Equal(PushNotifiApprovalOutcome.Approved, decision.Outcome);
        Assert.Equal(2, decision.DecidingStep);
        var stepTwo = decision.Asked.Where(a => a.Step == 2).ToList();
        Assert.Equal(2, stepTwo.Count);
        Assert.All(stepTwo, a => Assert.Equal(10 * s_minute, a.AskedAt - decision.AskedAt));
        var answer = Assert.Single(decision.Answers);
        Assert.Equal((1, TestKeys.LastFour(f.Members[0])), (answer.Step, answer.Target));
    }

    [Fact]
    public async Task An_answer_after_the_decision_is_recorded_as_late_and_changes_nothing()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var request = ApprovalFixture.Request(f, required: 2, id: "release-88");
        var first = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(request, f.Clock),
            f.Tap(TimeSpan.FromSeconds(2), 1),
            f.Tap(TimeSpan.FromSeconds(3), 2));
        f.Sandbox.AckAs(f.AlertTo(f.Members[2]), 3, "Deny");
        var sends = f.Sends;

        var again = await f.Approvals().RequestApprovalAsync(request);

        Assert.True(first.IsApproved);
        Assert.Equal(PushNotifiApprovalOutcome.Approved, again.Outcome);
        Assert.Equal(first.DecidedAt, again.DecidedAt);
        var late = Assert.Single(again.Answers, a => !a.InTime);
        Assert.Equal(("Deny", "member-3"), (late.Response, late.DeviceId));
        Assert.Equal(sends, f.Sends);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_at_once_and_never_approves()
    {
        await using var f = await ApprovalFixture.StartAsync();
        using var cancel = new CancellationTokenSource();
        var run = f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 1), f.Clock, cancel.Token);
        await f.Clock.NextAsync();
        var reads = f.StatusReads;

        await cancel.CancelAsync();
        var decision = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(PushNotifiApprovalOutcome.Cancelled, decision.Outcome);
        Assert.False(decision.IsApproved);
        Assert.Null(decision.DecidedAt);
        Assert.Equal(reads, f.StatusReads);
        Assert.DoesNotContain(f.Sandbox.Notifications, n => n.Priority == -1);
    }

    [Fact]
    public async Task A_restart_mid_wait_re_attaches_on_the_same_store_and_pages_nobody_again()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var request = ApprovalFixture.Request(f, required: 2, id: "run-4711");
        using (var crash = new CancellationTokenSource())
        {
            var first = f.Approvals().RequestApprovalAsync(request, f.Clock, crash.Token);
            await f.Clock.NextAsync();
            await crash.CancelAsync(); // the process dies mid-wait
            Assert.Equal(PushNotifiApprovalOutcome.Cancelled, (await first.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Outcome);
        }

        var sends = f.Sends;
        f.Time.Advance(TimeSpan.FromMinutes(3));
        f.Sandbox.AckAs(f.AlertTo(f.Members[0]), 1, "Approve");
        var restarted = new ApprovalClock(f.Time);
        var second = Loopback.Client(f.Options, time: f.Time);

        var decision = await restarted.RunAsync(
            new PushNotifiApprovals(second, f.Store).RequestApprovalAsync(request, restarted),
            f.Tap(TimeSpan.FromSeconds(40), 3));

        Assert.Equal(sends, f.Sends);
        Assert.Equal(PushNotifiApprovalOutcome.Approved, decision.Outcome);
        Assert.Equal(3, decision.Asked.Count);
        Assert.Equal(3, f.Sandbox.Notifications.Count(n => n.Priority == 2));
    }

    [Fact]
    public async Task A_new_approval_id_never_reuses_an_old_answer()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var yesterday = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 1, id: "deploy-monday"), f.Clock),
            f.Tap(TimeSpan.FromSeconds(1), 1));
        var clock = new ApprovalClock(f.Time);

        var today = await clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 1, id: "deploy-tuesday", timeout: TimeSpan.FromMinutes(1)), clock));

        Assert.True(yesterday.IsApproved);
        Assert.Equal(PushNotifiApprovalOutcome.Expired, today.Outcome);
        Assert.Empty(today.Answers);
        Assert.Equal(6, f.Sandbox.Notifications.Count(n => n.Priority == 2));
        Assert.Empty(today.Asked.Select(a => a.AlertId).Intersect(yesterday.Asked.Select(a => a.AlertId)));
    }

    [Fact]
    public async Task No_approval_id_asks_afresh_every_time()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var request = ApprovalFixture.Request(f, required: 1, id: null, timeout: TimeSpan.FromSeconds(10), members: 1);
        await f.Clock.RunAsync(f.Approvals().RequestApprovalAsync(request, f.Clock), f.Tap(TimeSpan.FromSeconds(1), 1));
        var clock = new ApprovalClock(f.Time);

        var second = await clock.RunAsync(f.Approvals().RequestApprovalAsync(request, clock));

        Assert.Equal(PushNotifiApprovalOutcome.Expired, second.Outcome);
        Assert.Equal(2, f.Sandbox.Notifications.Count(n => n.Priority == 2));
    }

    [Fact]
    public async Task Three_unanswered_targets_for_15_minutes_stay_within_three_times_the_one_person_budget()
    {
        await using var f = await ApprovalFixture.StartAsync();
        var one = new AckClock(f.Time);
        var alertId = await f.Client.RequestAckAsync(new PushNotifiMessage { Message = "One person?", ResponseTemplate = PushNotifiResponseTemplate.ApproveDeny });
        var single = await one.RunAsync(f.Client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(15), one));
        var readsBefore = f.StatusReads;

        var decision = await f.Clock.RunAsync(
            f.Approvals().RequestApprovalAsync(ApprovalFixture.Request(f, required: 2, timeout: TimeSpan.FromMinutes(15)), f.Clock));

        var reads = f.StatusReads - readsBefore;
        Assert.Equal(PushNotifiApprovalOutcome.Expired, decision.Outcome);
        Assert.Equal(57, single.Polls);
        Assert.InRange(reads, 3, 3 * single.Polls);
    }
}
