namespace PushNotifi.Mcp.Tests.Errors;

/// <summary>INVALID_ARG: every breach of a schema, an unknown tool, and the upstream's own extra checks. Nothing is sent.</summary>
public class InvalidArgumentTests
{
    public static TheoryData<string, string, string> Breaches => new()
    {
        { "pushnotifi_send", "{}", "message" },
        { "pushnotifi_send", """{"message":"m","colour":"red"}""", "colour" },
        { "pushnotifi_send", """{"message":42}""", "message" },
        { "pushnotifi_send", $$"""{"message":"{{new string('x', 4097)}}"}""", "message" },
        { "pushnotifi_send", $$"""{"message":"m","title":"{{new string('x', 257)}}"}""", "title" },
        { "pushnotifi_send", """{"message":"m","type":"team"}""", "type" },
        { "pushnotifi_send", """{"message":"m","priority":3}""", "priority" },
        { "pushnotifi_send", """{"message":"m","priority":-3}""", "priority" },
        { "pushnotifi_send", """{"message":"m","priority":1.5}""", "priority" },
        { "pushnotifi_send", """{"message":"m","priority":null}""", "priority" },
        { "pushnotifi_send", $$"""{"message":"m","idempotency_key":"{{new string('k', 129)}}"}""", "idempotency_key" },
        { "pushnotifi_list_groups", """{"page":2}""", "page" },
        { "pushnotifi_request_ack", """{"message":"Deploy?","response_template":"maybe"}""", "response_template" },
        { "pushnotifi_request_ack", """{"message":"Deploy?","send_to_key":"x123"}""", "send_to_key" },
        { "pushnotifi_await_ack", "{}", "correlation_id" },
        { "pushnotifi_await_ack", """{"correlation_id":"a1","timeout_seconds":0}""", "timeout_seconds" },
        { "pushnotifi_await_ack", """{"correlation_id":"a1","timeout_seconds":3601}""", "timeout_seconds" },
        { "pushnotifi_await_ack", """{"correlation_id":"a1","timeout_seconds":"60"}""", "timeout_seconds" },
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public async Task An_argument_that_breaks_the_schema_is_INVALID_ARG_naming_the_field_and_sends_nothing(string tool, string arguments, string field)
    {
        await using var mcp = await McpHarness.StartAsync();

        var error = (await mcp.CallAsync(tool, arguments)).Error("INVALID_ARG");

        Assert.Equal(field, (string?)error["details"]!["field"]);
        Assert.Empty(mcp.Sandbox.Requests);
    }

    [Fact]
    public async Task An_unknown_tool_is_INVALID_ARG_not_a_protocol_error()
    {
        await using var mcp = await McpHarness.StartAsync();

        var error = (await mcp.CallAsync("pushnotifi_delete_everything")).Error("INVALID_ARG");

        Assert.Contains("pushnotifi_send", (string?)error["message"]);
    }

    [Fact]
    public async Task A_field_the_runtime_refuses_is_INVALID_ARG_too()
    {
        await using var mcp = await McpHarness.StartAsync();

        // The upstream schema allows 4,096 characters; the API and the runtime client allow 1,024.
        var error = (await mcp.CallAsync("pushnotifi_send", $$"""{"message":"{{new string('x', 1025)}}"}""")).Error("INVALID_ARG");

        Assert.Equal("message", (string?)error["details"]!["field"]);
        Assert.Empty(mcp.Sandbox.Requests);
    }
}
