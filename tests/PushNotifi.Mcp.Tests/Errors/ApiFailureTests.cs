namespace PushNotifi.Mcp.Tests.Errors;

/// <summary>API_ERROR, NETWORK_ERROR and TIMEOUT: what the API or the network did, with the upstream's details.</summary>
public class ApiFailureTests
{
    [Fact]
    public async Task A_refusal_is_API_ERROR_with_the_status_and_the_body()
    {
        await using var mcp = await McpHarness.StartAsync();

        var error = (await mcp.CallAsync("pushnotifi_send", $$"""{"message":"m","send_to_key":"{{TestKeys.UnknownGroup}}"}""")).Error("API_ERROR");

        Assert.Equal(404, (int?)error["details"]!["status"]);
        Assert.NotNull(error["details"]!["body"]);
        Assert.Null(error["details"]!["retry_after_ms"]);
    }

    [Fact]
    public async Task A_429_is_API_ERROR_with_retry_after_ms()
    {
        await using var mcp = await McpHarness.StartAsync();
        mcp.Sandbox.Faults.RateLimitNext(5, TimeSpan.FromSeconds(120));

        // A Retry-After past the call's 30 s budget is not waited for: the answer comes back at once.
        var error = (await mcp.CallAsync("pushnotifi_list_groups")).Error("API_ERROR");

        Assert.Equal(429, (int?)error["details"]!["status"]);
        Assert.Equal(120_000, (long?)error["details"]!["retry_after_ms"]);
    }

    [Fact]
    public async Task A_wrong_key_is_API_ERROR_401_and_names_the_key_only_by_its_last_four()
    {
        await using var mcp = await McpHarness.StartAsync(sandboxUserKey: TestKeys.Canary);

        var result = await mcp.CallAsync("pushnotifi_list_messages");

        var error = result.Error("API_ERROR");
        Assert.Equal(401, (int?)error["details"]!["status"]);
        Assert.Contains(TestKeys.LastFour(TestKeys.User), (string?)error["message"]);
        Assert.DoesNotContain(TestKeys.User, result.Text());
    }

    [Fact]
    public async Task No_server_listening_is_NETWORK_ERROR()
    {
        await using var mcp = await McpHarness.StartAsync(s => s with { ApiBaseUrl = "http://127.0.0.1:1", MaxRetries = 0 });

        var error = (await mcp.CallAsync("pushnotifi_list_groups")).Error("NETWORK_ERROR");

        Assert.Empty(error["details"]!.AsObject());
    }

    [Fact]
    public async Task One_request_past_its_10_seconds_is_NETWORK_ERROR()
    {
        await using var mcp = await McpHarness.StartAsync(s => s with { MaxRetries = 0 });
        mcp.Sandbox.Faults.DelayNext(1, TimeSpan.FromMinutes(5));

        var call = mcp.CallAsync("pushnotifi_list_groups");
        var moved = await FakeClock.AdvanceUntilDoneAsync(mcp.Clock, call, TimeSpan.FromSeconds(1), maxSteps: 400);

        (await call).Error("NETWORK_ERROR");
        Assert.InRange(moved, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11));
    }

    [Fact]
    public async Task Retries_that_run_past_the_calls_30_second_budget_are_TIMEOUT()
    {
        await using var mcp = await McpHarness.StartAsync(s => s with { MaxRetries = 5, RetryBaseDelay = TimeSpan.FromSeconds(5) });
        mcp.Sandbox.Faults.DelayNext(10, TimeSpan.FromMinutes(5));

        var call = mcp.CallAsync("pushnotifi_list_groups");
        var moved = await FakeClock.AdvanceUntilDoneAsync(mcp.Clock, call, TimeSpan.FromSeconds(1), maxSteps: 400);

        var error = (await call).Error("TIMEOUT");
        Assert.Equal(30_000, (long?)error["details"]!["timeout_ms"]);
        Assert.InRange(moved, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(31));
    }
}
