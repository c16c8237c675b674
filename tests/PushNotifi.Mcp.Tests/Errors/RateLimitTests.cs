namespace PushNotifi.Mcp.Tests.Errors;

/// <summary>
/// RATE_LIMITED: a token bucket of PUSHNOTIFI_RATE_LIMIT_PER_MINUTE sends, taken after the arguments pass, refused at
/// once when empty. The refill is the runtime's (its own tests cover it): .NET's TokenBucketRateLimiter counts real
/// elapsed time when replenished, so a fake clock cannot drive it.
/// </summary>
public class RateLimitTests
{
    [Fact]
    public async Task An_empty_bucket_fails_at_once_with_retry_after_and_capacity_and_sends_nothing()
    {
        await using var mcp = await McpHarness.StartAsync(s => s with { RateLimitPerMinute = 2 });

        (await mcp.CallAsync("pushnotifi_send", """{"message":"one"}""")).Ok();
        (await mcp.CallAsync("pushnotifi_send", """{"message":"two"}""")).Ok();
        var error = (await mcp.CallAsync("pushnotifi_send", """{"message":"three"}""")).Error("RATE_LIMITED");

        Assert.Equal(30_000, (long?)error["details"]!["retry_after_ms"]);
        Assert.Equal(2, (int?)error["details"]!["capacity_per_minute"]);
        Assert.Equal(2, mcp.Sandbox.Notifications.Count);
    }

    [Fact]
    public async Task The_test_send_and_questions_take_tokens_while_reads_and_bad_calls_do_not()
    {
        await using var mcp = await McpHarness.StartAsync(s => s with { RateLimitPerMinute = 2 });

        (await mcp.CallAsync("pushnotifi_list_groups")).Ok();
        (await mcp.CallAsync("pushnotifi_list_messages")).Ok();
        (await mcp.CallAsync("pushnotifi_send", """{"message":"m","priority":9}""")).Error("INVALID_ARG");
        (await mcp.CallAsync("pushnotifi_test")).Ok();
        (await mcp.CallAsync("pushnotifi_request_ack", """{"message":"Deploy?"}""")).Ok();

        (await mcp.CallAsync("pushnotifi_send", """{"message":"m"}""")).Error("RATE_LIMITED");
    }

    [Fact]
    public async Task The_default_is_30_a_minute()
    {
        await using var mcp = await McpHarness.StartAsync();

        for (var i = 0; i < 30; i++)
        {
            (await mcp.CallAsync("pushnotifi_send", $$"""{"message":"m{{i}}"}""")).Ok();
        }

        var error = (await mcp.CallAsync("pushnotifi_send", """{"message":"m30"}""")).Error("RATE_LIMITED");
        Assert.Equal(30, (int?)error["details"]!["capacity_per_minute"]);
        Assert.Equal(2_000, (long?)error["details"]!["retry_after_ms"]);
    }
}
