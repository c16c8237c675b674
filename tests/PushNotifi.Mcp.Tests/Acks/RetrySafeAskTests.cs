namespace PushNotifi.Mcp.Tests.Acks;

/// <summary>Past the upstream: a retried pushnotifi_request_ack pages once within a minute, and never reuses an old answer later.</summary>
public class RetrySafeAskTests
{
    private const string Question = """{"message":"Deploy v2?","response_template":"approve_deny"}""";

    [Fact]
    public async Task The_same_question_repeated_within_a_minute_returns_the_same_correlation_id_and_pages_once()
    {
        await using var mcp = await McpHarness.StartAsync();

        var first = (await mcp.CallAsync("pushnotifi_request_ack", Question)).Ok();
        mcp.Clock.Advance(TimeSpan.FromSeconds(59));
        var retried = (await mcp.CallAsync("pushnotifi_request_ack", Question)).Ok();

        Assert.Equal((string?)first["correlation_id"], (string?)retried["correlation_id"]);
        Assert.Single(mcp.Sandbox.Notifications);
    }

    [Fact]
    public async Task Concurrent_identical_asks_page_once()
    {
        await using var mcp = await McpHarness.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => mcp.CallAsync("pushnotifi_request_ack", Question)));

        Assert.Single(results.Select(r => (string?)r.Ok()["correlation_id"]).Distinct());
        Assert.Single(mcp.Sandbox.Notifications);
    }

    [Fact]
    public async Task The_same_question_asked_after_the_window_is_a_new_alert_whose_old_answer_does_not_count()
    {
        await using var mcp = await McpHarness.StartAsync();
        var first = (string)(await mcp.CallAsync("pushnotifi_request_ack", Question)).Ok()["correlation_id"]!;
        mcp.Sandbox.Ack(first, "Approve");

        mcp.Clock.Advance(TimeSpan.FromSeconds(61));
        var later = (string)(await mcp.CallAsync("pushnotifi_request_ack", Question)).Ok()["correlation_id"]!;

        Assert.NotEqual(first, later);
        Assert.Equal(2, mcp.Sandbox.Notifications.Count);
        Assert.False(mcp.Sandbox.FindAlert(later)!.Acked);
    }

    [Theory]
    [InlineData("""{"message":"Deploy v3?","response_template":"approve_deny"}""")]
    [InlineData("""{"message":"Deploy v2?","response_template":"yes_no"}""")]
    [InlineData("""{"message":"Deploy v2?","response_template":"approve_deny","title":"Prod"}""")]
    [InlineData("""{"message":"Deploy v2?","response_template":"approve_deny","send_to_key":"{user}"}""")]
    public async Task A_question_that_differs_in_anything_the_person_sees_pages_again(string other)
    {
        await using var mcp = await McpHarness.StartAsync();

        var first = (await mcp.CallAsync("pushnotifi_request_ack", Question)).Ok();
        var second = (await mcp.CallAsync("pushnotifi_request_ack", other.Replace("{user}", TestKeys.User, StringComparison.Ordinal))).Ok();

        Assert.NotEqual((string?)first["correlation_id"], (string?)second["correlation_id"]);
        Assert.Equal(2, mcp.Sandbox.Notifications.Count);
    }

    [Fact]
    public async Task A_failed_ask_is_not_remembered_so_its_retry_pages()
    {
        await using var mcp = await McpHarness.StartAsync(s => s with { MaxRetries = 0 });
        mcp.Sandbox.Faults.FailNext(1, 500);

        (await mcp.CallAsync("pushnotifi_request_ack", Question)).Error("API_ERROR");
        (await mcp.CallAsync("pushnotifi_request_ack", Question)).Ok();

        Assert.Single(mcp.Sandbox.Notifications);
    }
}
