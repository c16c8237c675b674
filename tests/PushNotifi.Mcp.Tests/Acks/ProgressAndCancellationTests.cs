using PushNotifi.Mcp.Acks;

namespace PushNotifi.Mcp.Tests.Acks;

/// <summary>Past the upstream: a wait reports MCP progress when asked to, and stops the moment the client cancels.</summary>
public class ProgressAndCancellationTests
{
    [Fact]
    public async Task A_client_with_a_progress_token_receives_elapsed_time_and_the_deadline_while_it_waits()
    {
        await using var mcp = await McpHarness.StartAsync();
        var correlationId = (string)(await mcp.CallAsync("pushnotifi_request_ack", """{"message":"Go?"}""")).Ok()["correlation_id"]!;
        var progress = new ProgressLog();

        await mcp.Acks.RunAsync(
            mcp.CallAsync("pushnotifi_await_ack", $$"""{"correlation_id":"{{correlationId}}","timeout_seconds":60}""", progress),
            tapAt: TimeSpan.FromSeconds(5),
            tap: () => mcp.Sandbox.Ack(correlationId));

        // The server sends them in order, the last before the result. The SDK's client hands each to IProgress on its
        // own task, so they may arrive shuffled, and it may drop the last once the result has arrived.
        var values = progress.Values;
        Assert.All(values, v => Assert.Equal(60f, v.Total));
        var ordered = values.OrderBy(v => v.Progress).ToList();
        Assert.Equal([0f, 1f, 2f, 3f, 4f], ordered.Take(5).Select(v => v.Progress));
        Assert.Equal("No answer yet after 0 s of 60 s; next check in 1 s.", ordered[0].Message);
    }

    [Fact]
    public void The_progress_message_says_how_long_it_waited_when_the_next_check_comes_and_how_it_ended()
    {
        var timeout = TimeSpan.FromSeconds(60);

        Assert.Equal(
            "No answer yet after 12 s of 60 s; next check in 2.5 s (last check: HTTP 503, still waiting).",
            AckProgressReporter.Describe(new PushNotifiAckProgress("a1", TimeSpan.FromSeconds(12), timeout, 9, TimeSpan.FromSeconds(2.5), "HTTP 503")));
        Assert.Equal("Answered after 5 s.", AckProgressReporter.Describe(new PushNotifiAckProgress("a1", TimeSpan.FromSeconds(5), timeout, 6, TimeSpan.Zero, null)));
        Assert.Equal("No answer within 60 s.", AckProgressReporter.Describe(new PushNotifiAckProgress("a1", timeout, timeout, 40, TimeSpan.Zero, null)));
    }

    [Fact]
    public async Task A_client_without_a_progress_token_gets_no_notifications_and_the_same_answer()
    {
        await using var mcp = await McpHarness.StartAsync();
        var correlationId = (string)(await mcp.CallAsync("pushnotifi_request_ack", """{"message":"Go?"}""")).Ok()["correlation_id"]!;
        mcp.Sandbox.Ack(correlationId);

        var answer = (await mcp.Acks.RunAsync(mcp.CallAsync("pushnotifi_await_ack", $$"""{"correlation_id":"{{correlationId}}"}"""))).Ok();

        Assert.True((bool)answer["acked"]!);
        Assert.Null((string?)answer["response"]);
    }

    [Fact]
    public async Task Cancelling_in_the_middle_of_a_wait_stops_it_at_once_and_it_polls_no_more()
    {
        await using var mcp = await McpHarness.StartAsync();
        var correlationId = (string)(await mcp.CallAsync("pushnotifi_request_ack", """{"message":"Go?"}""")).Ok()["correlation_id"]!;
        using var cancel = new CancellationTokenSource();

        var wait = mcp.CallAsync("pushnotifi_await_ack", $$"""{"correlation_id":"{{correlationId}}","timeout_seconds":900}""", cancellationToken: cancel.Token);
        for (var i = 0; i < 3; i++)
        {
            var report = await mcp.Acks.NextAsync();
            mcp.Clock.Advance(report.NextPollIn);
        }

        await mcp.Acks.NextAsync();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);

        // The server's wait ends too: the clock moves on a quarter of an hour and no status request follows.
        await Task.Delay(100);
        var polls = mcp.Sandbox.Requests.Count;
        for (var i = 0; i < 30; i++)
        {
            mcp.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(5);
        }

        Assert.Equal(polls, mcp.Sandbox.Requests.Count);
        (await mcp.CallAsync("pushnotifi_list_groups")).Ok(); // and the session still works
    }
}
