namespace PushNotifi.Mcp.Tests.Errors;

/// <summary>MISSING_ENV: a tool that needs PUSHNOTIFI_GROUP_KEY when it is not set.</summary>
public class MissingEnvironmentTests
{
    [Theory]
    [InlineData("pushnotifi_test", "{}")]
    [InlineData("pushnotifi_send", """{"message":"m"}""")]
    [InlineData("pushnotifi_request_ack", """{"message":"Deploy?"}""")]
    public async Task Without_a_group_key_a_call_with_no_recipient_is_MISSING_ENV_naming_the_variable(string tool, string arguments)
    {
        await using var mcp = await McpHarness.StartAsync(withGroup: false);

        var error = (await mcp.CallAsync(tool, arguments)).Error("MISSING_ENV");

        Assert.Equal("PUSHNOTIFI_GROUP_KEY", (string?)error["details"]!["variable"]);
        Assert.Empty(mcp.Sandbox.Requests);
    }

    [Fact]
    public async Task Without_a_group_key_a_send_that_names_its_recipient_still_goes_out()
    {
        await using var mcp = await McpHarness.StartAsync(withGroup: false);

        (await mcp.CallAsync("pushnotifi_send", $$"""{"message":"m","type":"user","send_to_key":"{{TestKeys.User}}"}""")).Ok();

        Assert.Single(mcp.Sandbox.Notifications);
    }
}
