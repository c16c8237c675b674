using System.Diagnostics;
using PushNotifi.Diagnostics;

namespace PushNotifi.Tests.Telemetry;

/// <summary>The send, ask and wait spans: their attributes, and that the HttpClient spans hang under them.</summary>
public class SpanTests
{
    [Fact]
    public async Task A_send_span_is_the_parent_of_its_http_spans_and_names_outcome_priority_and_retries()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var spans = new SpanRecorder();
        sandbox.Faults.FailNext(1, 503);

        await rig.Client(sandbox).SendAsync(
            new PushNotifiMessage { Message = "disk almost full", Priority = PushNotifiPriority.High, IdempotencyKey = "disk-1" },
            TestContext.Current.CancellationToken);

        var send = Assert.Single(spans.PushNotifi);
        Assert.Equal(PushNotifiActivities.SendName, send.DisplayName);
        Assert.Equal(ActivityKind.Client, send.Kind);
        Assert.Equal(spans.Root.SpanId, send.ParentSpanId);
        Assert.Equal("delivered", send.GetTagItem(TelemetryTags.SendOutcome));
        Assert.Equal("high", send.GetTagItem(TelemetryTags.Priority));
        Assert.Equal(1, send.GetTagItem(TelemetryTags.RetryCount));
        Assert.NotNull(send.GetTagItem(TelemetryTags.IdempotencyFingerprint));
        Assert.Equal(2, spans.Http.Count); // the 503 and the retry
        Assert.All(spans.Http, http => Assert.Equal(send.SpanId, http.ParentSpanId));
    }

    [Fact]
    public async Task A_failed_send_span_has_error_status_and_error_type_but_no_message()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var spans = new SpanRecorder();

        await Assert.ThrowsAsync<PushNotifiException>(() => rig.Client(sandbox, userKey: TestKeys.WrongUser).SendAsync(new PushNotifiMessage { Message = "x" }, TestContext.Current.CancellationToken));

        var send = Assert.Single(spans.PushNotifi);
        Assert.Equal(ActivityStatusCode.Error, send.Status);
        Assert.Null(send.StatusDescription);
        Assert.Equal(("failed", "unauthorized"), (send.GetTagItem(TelemetryTags.SendOutcome), send.GetTagItem(TelemetryTags.ErrorType)));
        Assert.Empty(send.Events);
    }

    [Fact]
    public async Task A_question_has_an_ask_span_over_its_send_and_a_wait_span_over_its_polls()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var spans = new SpanRecorder();
        var clock = new AckClock();
        var client = rig.Client(sandbox, time: clock.Time);

        var alertId = await client.RequestAckAsync(new PushNotifiMessage { Message = "Deploy?", ResponseTemplate = PushNotifiResponseTemplate.ApproveDeny }, TestContext.Current.CancellationToken);
        var result = await clock.RunAsync(client.AwaitAckAsync(alertId, TimeSpan.FromMinutes(5), clock), tapAt: TimeSpan.FromSeconds(20), tap: () => sandbox.Ack(alertId, "Deny"));

        var ask = Assert.Single(spans.PushNotifi, s => s.DisplayName == PushNotifiActivities.AskName);
        var send = Assert.Single(spans.PushNotifi, s => s.DisplayName == PushNotifiActivities.SendName);
        var wait = Assert.Single(spans.PushNotifi, s => s.DisplayName == PushNotifiActivities.AwaitName);
        Assert.Equal(ask.SpanId, send.ParentSpanId);
        Assert.Equal(("approve_deny", "delivered"), (ask.GetTagItem(TelemetryTags.ResponseTemplate), ask.GetTagItem(TelemetryTags.SendOutcome)));
        Assert.Equal("emergency", send.GetTagItem(TelemetryTags.Priority));
        Assert.Equal("declined", wait.GetTagItem(TelemetryTags.AnswerOutcome));
        Assert.Equal(result.Polls, wait.GetTagItem(TelemetryTags.PollCount));
        Assert.Equal(result.Polls, spans.Http.Count(h => h.ParentSpanId == wait.SpanId));
        Assert.Equal(1, spans.Http.Count(h => h.ParentSpanId == send.SpanId));
    }
}
