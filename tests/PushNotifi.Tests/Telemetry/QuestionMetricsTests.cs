using PushNotifi.Diagnostics;

namespace PushNotifi.Tests.Telemetry;

/// <summary>Questions asked, the wait for each answer by outcome, and status polls, on a fake clock against the sandbox.</summary>
public class QuestionMetricsTests
{
    public static TheoryData<PushNotifiResponseTemplate, string?, string> Answers => new()
    {
        { PushNotifiResponseTemplate.ApproveDeny, "Approve", "approved" },
        { PushNotifiResponseTemplate.ApproveDeny, "Deny", "declined" },
        { PushNotifiResponseTemplate.YesNo, "No", "declined" },
        { PushNotifiResponseTemplate.Ack, null, "approved" },
        { PushNotifiResponseTemplate.FreeText, "after 18:00", "answered" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_question_counts_by_template_and_its_wait_by_outcome(PushNotifiResponseTemplate template, string? tapped, string outcome)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var questions = rig.Collect<long>(PushNotifiMetrics.Questions);
        using var waits = rig.Collect<double>(PushNotifiMetrics.AnswerWait);
        var clock = new AckClock();
        var client = rig.Client(sandbox, time: clock.Time);

        var alertId = await client.RequestAckAsync(new PushNotifiMessage { Message = "Deploy?", ResponseTemplate = template }, TestContext.Current.CancellationToken);
        await clock.RunAsync(client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(5), clock), tapAt: TimeSpan.FromSeconds(30), tap: () => sandbox.Ack(alertId, tapped));

        Assert.Equal(PushNotifiResponseTemplates.ToWireName(template), Assert.Single(questions.GetMeasurementSnapshot()).Tags[TelemetryTags.ResponseTemplate]);
        var wait = Assert.Single(waits.GetMeasurementSnapshot());
        Assert.Equal(outcome, wait.Tags[TelemetryTags.AnswerOutcome]);
        Assert.InRange(wait.Value, 30, 300);
    }

    [Fact]
    public async Task A_wait_that_nobody_answers_records_expired_and_never_approved()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var waits = rig.Collect<double>(PushNotifiMetrics.AnswerWait);
        var clock = new AckClock();
        var client = rig.Client(sandbox, time: clock.Time);
        var alertId = await client.RequestAckAsync(new PushNotifiMessage { Message = "Deploy?" }, TestContext.Current.CancellationToken);

        var result = await clock.RunAsync(client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(2), clock));

        Assert.True(result.TimedOut);
        var wait = Assert.Single(waits.GetMeasurementSnapshot());
        Assert.Equal("expired", wait.Tags[TelemetryTags.AnswerOutcome]);
        Assert.Equal(120, wait.Value, precision: 3);
    }

    [Fact]
    public async Task A_cancelled_wait_records_cancelled()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var waits = rig.Collect<double>(PushNotifiMetrics.AnswerWait);
        var clock = new AckClock();
        var client = rig.Client(sandbox, time: clock.Time);
        var alertId = await client.RequestAckAsync(new PushNotifiMessage { Message = "Deploy?" }, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var waiting = client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(2), clock, cancel.Token);
        await clock.NextAsync(); // the first poll is in
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        Assert.Equal("cancelled", Assert.Single(waits.GetMeasurementSnapshot()).Tags[TelemetryTags.AnswerOutcome]);
    }

    [Fact]
    public async Task A_wait_for_an_unknown_alert_records_failed_with_its_error_type()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var waits = rig.Collect<double>(PushNotifiMetrics.AnswerWait);
        using var polls = rig.Collect<long>(PushNotifiMetrics.StatusPolls);
        var clock = new AckClock();

        await Assert.ThrowsAsync<PushNotifiException>(() => rig.Client(sandbox, time: clock.Time).AwaitAckAsync("nosuchalert", TimeSpan.FromMinutes(1), clock, TestContext.Current.CancellationToken));

        var wait = Assert.Single(waits.GetMeasurementSnapshot());
        Assert.Equal(("failed", "api_error"), (wait.Tags[TelemetryTags.AnswerOutcome], wait.Tags[TelemetryTags.ErrorType]));
        Assert.Equal("failed", Assert.Single(polls.GetMeasurementSnapshot()).Tags[TelemetryTags.PollResult]);
    }

    [Fact]
    public async Task Status_polls_count_pending_until_the_answer()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var polls = rig.Collect<long>(PushNotifiMetrics.StatusPolls);
        var clock = new AckClock();
        var client = rig.Client(sandbox, time: clock.Time);
        var alertId = await client.RequestAckAsync(new PushNotifiMessage { Message = "Deploy?", ResponseTemplate = PushNotifiResponseTemplate.ApproveDeny }, TestContext.Current.CancellationToken);

        var result = await clock.RunAsync(client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(5), clock), tapAt: TimeSpan.FromSeconds(20), tap: () => sandbox.Ack(alertId, "Approve"));

        var results = polls.GetMeasurementSnapshot().Select(m => (string?)m.Tags[TelemetryTags.PollResult]).ToList();
        Assert.Equal(result.Polls, results.Count);
        Assert.True(results.Count >= 2, $"expected polls before the answer, saw {results.Count}");
        Assert.All(results[..^1], r => Assert.Equal("pending", r));
        Assert.Equal("answered", results[^1]);
    }
}
