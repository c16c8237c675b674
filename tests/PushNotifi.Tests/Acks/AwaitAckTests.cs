namespace PushNotifi.Tests;

/// <summary>Waiting for the answer: every template's labels, transient failures, fatal ones, timeouts and cancellation.</summary>
public class AwaitAckTests
{
    public static TheoryData<PushNotifiResponseTemplate, string?, string?, bool> Answers => new()
    {
        { PushNotifiResponseTemplate.Ack, null, null, true },
        { PushNotifiResponseTemplate.Ack, "Acknowledge", null, true },
        { PushNotifiResponseTemplate.YesNo, "Yes", "Yes", true },
        { PushNotifiResponseTemplate.YesNo, "No", "No", false },
        { PushNotifiResponseTemplate.ApproveDeny, "Approve", "Approve", true },
        { PushNotifiResponseTemplate.ApproveDeny, "Deny", "Deny", false },
        { PushNotifiResponseTemplate.ProceedAbort, "Proceed", "Proceed", true },
        { PushNotifiResponseTemplate.ProceedAbort, "Abort", "Abort", false },
        { PushNotifiResponseTemplate.ConfirmCancel, "Confirm", "Confirm", true },
        { PushNotifiResponseTemplate.ConfirmCancel, "Cancel", "Cancel", false },
        { PushNotifiResponseTemplate.FreeText, "Yes, but after 18:00", "Yes, but after 18:00", false },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Each_templates_answer_comes_back_with_whether_it_says_yes(PushNotifiResponseTemplate template, string? tapped, string? expected, bool affirmative)
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync(template);

        var result = await fixture.Clock.RunAsync(
            fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(5), fixture.Clock),
            tapAt: TimeSpan.FromSeconds(3),
            tap: () => fixture.Sandbox.Ack(alertId, tapped, deviceId: "pixel-8"));

        Assert.True(result.Acked);
        Assert.False(result.TimedOut);
        Assert.Equal(expected, result.Response);
        Assert.Equal(affirmative, result.IsAffirmative);
        Assert.Equal("pixel-8", result.AckedByDeviceId);
        Assert.NotNull(result.AckedAt);
    }

    [Fact]
    public async Task A_comment_and_the_legacy_label_and_note_form_both_come_back_split()
    {
        await using var fixture = await AckFixture.StartAsync();
        var modern = await fixture.AskAsync();
        var legacy = await fixture.AskAsync();
        fixture.Sandbox.Ack(modern, "Approve", "ship it");
        fixture.Sandbox.Ack(legacy, "Approve\n\nship it");

        var first = await fixture.Clock.RunAsync(fixture.Client.AwaitAckAsync(modern, TimeSpan.FromMinutes(1), fixture.Clock));
        var second = await fixture.Clock.RunAsync(fixture.Client.AwaitAckAsync(legacy, TimeSpan.FromMinutes(1), fixture.Clock));

        Assert.Equal(("Approve", "ship it"), (first.Response, first.Comment));
        Assert.Equal(("Approve", "ship it"), (second.Response, second.Comment));
        Assert.True(second.IsAffirmative);
    }

    [Fact]
    public async Task An_alert_answered_already_returns_after_one_request()
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        fixture.Sandbox.Ack(alertId, "Approve");
        var before = fixture.Sandbox.Requests.Count;

        var result = await fixture.Clock.RunAsync(fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(1), fixture.Clock));

        Assert.Equal(1, result.Polls);
        Assert.Equal(before + 1, fixture.Sandbox.Requests.Count);
        Assert.Equal(TimeSpan.Zero, result.Elapsed);
    }

    [Fact]
    public async Task Nobody_answering_times_out_and_a_timeout_is_never_a_yes()
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync(PushNotifiResponseTemplate.Ack);

        var result = await fixture.Clock.RunAsync(fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromSeconds(10), fixture.Clock));

        Assert.True(result.TimedOut);
        Assert.False(result.Acked);
        Assert.False(result.IsAffirmative);
        Assert.Null(result.Response);
        Assert.Equal(TimeSpan.FromSeconds(10), result.Elapsed);
        Assert.Equal(11, result.Polls); // at 0, 1, ... 10 s: the last one at the deadline itself
    }

    [Fact]
    public async Task A_tap_after_the_deadline_does_not_count()
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();

        var result = await fixture.Clock.RunAsync(fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromSeconds(5), fixture.Clock));
        fixture.Sandbox.Ack(alertId, "Approve");

        Assert.True(result.TimedOut);
        Assert.False(result.IsAffirmative);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Gateway_errors_while_waiting_are_waited_out(int status)
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        fixture.Sandbox.Faults.FailNext(3, status);

        var result = await fixture.Clock.RunAsync(
            fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(1), fixture.Clock),
            tapAt: TimeSpan.FromSeconds(2),
            tap: () => fixture.Sandbox.Ack(alertId, "Approve"));

        Assert.Equal("Approve", result.Response);
        Assert.Equal(3, fixture.Clock.Reports.Count(r => r.TransientProblem == $"HTTP {status}"));
    }

    [Fact]
    public async Task Dropped_connections_while_waiting_are_waited_out()
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        fixture.Sandbox.Faults.DropNext(2);

        var result = await fixture.Clock.RunAsync(
            fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(1), fixture.Clock),
            tapAt: TimeSpan.FromSeconds(1),
            tap: () => fixture.Sandbox.Ack(alertId, "Approve"));

        Assert.True(result.Acked);
        Assert.Equal(2, fixture.Clock.Reports.Count(r => r.TransientProblem == "no answer from the API"));
    }

    [Theory]
    [InlineData(20, 20)]
    [InlineData(600, 60)]
    public async Task A_429_is_waited_out_for_its_Retry_After_but_never_more_than_60_seconds(int retryAfterSeconds, int expectedPauseSeconds)
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        fixture.Sandbox.Faults.RateLimitNext(1, TimeSpan.FromSeconds(retryAfterSeconds));

        var result = await fixture.Clock.RunAsync(
            fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(5), fixture.Clock),
            tapAt: TimeSpan.FromSeconds(1),
            tap: () => fixture.Sandbox.Ack(alertId, "Approve"));

        var limited = Assert.Single(fixture.Clock.Reports, r => r.TransientProblem == "HTTP 429");
        Assert.Equal(TimeSpan.FromSeconds(expectedPauseSeconds), limited.NextPollIn);
        Assert.Equal(TimeSpan.FromSeconds(expectedPauseSeconds), result.Elapsed);
        Assert.True(result.IsAffirmative);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Any_other_error_while_waiting_fails_at_once(int status)
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        var before = fixture.Sandbox.Requests.Count;
        fixture.Sandbox.Faults.FailNext(1, status);

        var error = await Assert.ThrowsAsync<PushNotifiException>(() =>
            fixture.Clock.RunAsync(fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(1), fixture.Clock)));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(before + 1, fixture.Sandbox.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_stops_the_wait_at_once_without_moving_the_clock()
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        using var cts = new CancellationTokenSource();
        var reported = new TaskCompletionSource();
        var wait = fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(15), new Progress(reported), cts.Token);
        await reported.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3601)]
    public async Task A_timeout_out_of_range_is_refused_naming_it(int seconds)
    {
        await using var fixture = await AckFixture.StartAsync();

        var error = await Assert.ThrowsAsync<PushNotifiValidationException>(() =>
            fixture.Client.AwaitAckAsync("al_1", TimeSpan.FromSeconds(seconds)));

        Assert.Equal("timeout", error.Field);
        Assert.Empty(fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task AskAsync_asks_and_returns_the_answer_in_one_call()
    {
        await using var fixture = await AckFixture.StartAsync();

        var ask = fixture.Client.AskAsync(
            new PushNotifiMessage { Message = "Restart the queue workers?", ResponseTemplate = PushNotifiResponseTemplate.YesNo },
            TimeSpan.FromMinutes(2),
            fixture.Clock);
        var result = await fixture.Clock.RunAsync(
            ask,
            tapAt: TimeSpan.FromSeconds(4),
            tap: () => fixture.Sandbox.Ack(Assert.Single(fixture.Sandbox.Notifications).AlertId!, "Yes", "go"));

        Assert.True(result.IsAffirmative);
        Assert.Equal("go", result.Comment);
        Assert.Equal(Assert.Single(fixture.Sandbox.Notifications).AlertId, result.AlertId);
    }

    private sealed class Progress(TaskCompletionSource reported) : IProgress<PushNotifiAckProgress>
    {
        public void Report(PushNotifiAckProgress value) => reported.TrySetResult();
    }
}
