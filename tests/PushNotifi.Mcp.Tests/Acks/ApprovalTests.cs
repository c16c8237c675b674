namespace PushNotifi.Mcp.Tests.Acks;

/// <summary>A question and its answer end to end: request, a tap through the sandbox's ack endpoint, await.</summary>
public class ApprovalTests
{
    [Fact]
    public async Task A_question_tapped_Approve_with_a_comment_comes_back_from_await_with_the_label_and_the_comment()
    {
        await using var mcp = await McpHarness.StartAsync();

        var asked = (await mcp.CallAsync("pushnotifi_request_ack", """{"message":"Deploy v2 to production?","title":"Deploy","response_template":"approve_deny"}""")).Ok();
        var correlationId = (string)asked["correlation_id"]!;
        var question = mcp.Sandbox.FindAlert(correlationId);
        Assert.NotNull(question);
        Assert.Equal(2, question.Priority);
        Assert.Equal("approve_deny", question.ResponseTemplate);

        var answer = (await mcp.Acks.RunAsync(
            mcp.CallAsync("pushnotifi_await_ack", $$"""{"correlation_id":"{{correlationId}}","timeout_seconds":300}"""),
            tapAt: TimeSpan.FromSeconds(4),
            tap: () => mcp.Sandbox.Ack(correlationId, "Approve", "ship it", deviceId: "pixel-8"))).Ok();

        Assert.Equal(["acked", "acked_at", "acked_by_device_id", "response", "comment"], answer.Select(p => p.Key));
        Assert.True((bool)answer["acked"]!);
        Assert.Equal("Approve", (string?)answer["response"]);
        Assert.Equal("ship it", (string?)answer["comment"]);
        Assert.Equal("pixel-8", (string?)answer["acked_by_device_id"]);
        Assert.Equal("2026-11-30T09:00:04.000Z", (string?)answer["acked_at"]);
    }

    [Fact]
    public async Task A_question_to_a_user_key_goes_to_that_user()
    {
        await using var mcp = await McpHarness.StartAsync();

        var asked = (await mcp.CallAsync("pushnotifi_request_ack", $$"""{"message":"Rotate the key?","send_to_key":"{{TestKeys.User}}","response_template":"yes_no"}""")).Ok();

        var question = mcp.Sandbox.FindAlert((string)asked["correlation_id"]!);
        Assert.Equal("user", question!.Type);
    }

    [Fact]
    public async Task Nobody_answering_is_acked_false_with_reason_timeout_on_the_injected_clock()
    {
        await using var mcp = await McpHarness.StartAsync();
        var correlationId = (string)(await mcp.CallAsync("pushnotifi_request_ack", """{"message":"Drop the table?"}""")).Ok()["correlation_id"]!;

        var answer = (await mcp.Acks.RunAsync(mcp.CallAsync("pushnotifi_await_ack", $$"""{"correlation_id":"{{correlationId}}","timeout_seconds":90}"""))).Ok();

        Assert.Equal("""{"acked":false,"reason":"timeout"}""", answer.ToJsonString());
        Assert.Equal(TimeSpan.FromSeconds(90), mcp.Acks.Reports[^1].Elapsed);
    }

    [Fact]
    public async Task The_wait_uses_adaptive_polling_not_a_fixed_five_seconds()
    {
        await using var mcp = await McpHarness.StartAsync();
        var correlationId = (string)(await mcp.CallAsync("pushnotifi_request_ack", """{"message":"Go?"}""")).Ok()["correlation_id"]!;
        var before = mcp.Sandbox.Requests.Count;

        await mcp.Acks.RunAsync(mcp.CallAsync("pushnotifi_await_ack", $$"""{"correlation_id":"{{correlationId}}","timeout_seconds":900}"""));

        // Every second for 30 s, then doubling up to 40 s: 57 requests where a 5 s poll sends 180.
        Assert.Equal(57, mcp.Sandbox.Requests.Count - before);
        Assert.Equal(TimeSpan.FromSeconds(1), mcp.Acks.Reports[0].NextPollIn);
    }

    [Fact]
    public async Task Transient_faults_during_the_wait_are_waited_out_and_the_answer_still_arrives()
    {
        await using var mcp = await McpHarness.StartAsync();
        var correlationId = (string)(await mcp.CallAsync("pushnotifi_request_ack", """{"message":"Proceed?","response_template":"proceed_abort"}""")).Ok()["correlation_id"]!;
        mcp.Sandbox.Faults.FailNext(2, 503);
        mcp.Sandbox.Faults.RateLimitNext(1, TimeSpan.FromSeconds(3));
        mcp.Sandbox.Faults.DropNext(1);
        var progress = new ProgressLog();

        var answer = (await mcp.Acks.RunAsync(
            mcp.CallAsync("pushnotifi_await_ack", $$"""{"correlation_id":"{{correlationId}}","timeout_seconds":120}""", progress),
            tapAt: TimeSpan.FromSeconds(10),
            tap: () => mcp.Sandbox.Ack(correlationId, "Proceed"))).Ok();

        Assert.Equal("Proceed", (string?)answer["response"]);
        Assert.Contains(mcp.Acks.Reports, r => r.TransientProblem == "HTTP 503");
        Assert.Contains(mcp.Acks.Reports, r => r.TransientProblem == "HTTP 429");
        Assert.Contains(mcp.Acks.Reports, r => r.TransientProblem == "no answer from the API");
        Assert.Contains(progress.Values, v => v.Message!.Contains("HTTP 503, still waiting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_correlation_id_ends_the_wait_at_once_with_API_ERROR_404()
    {
        await using var mcp = await McpHarness.StartAsync();

        var error = (await mcp.CallAsync("pushnotifi_await_ack", """{"correlation_id":"no-such-alert","timeout_seconds":60}""")).Error("API_ERROR");

        Assert.Equal(404, (int?)error["details"]!["status"]);
    }
}
