using System.Text.Json.Nodes;

namespace PushNotifi.Mcp.Tests.Tools;

/// <summary>tools/list: the six tools with the upstream's names, argument schemas, defaults and limits, plus ours.</summary>
public class ToolListTests
{
    // The upstream's schemas, descriptions left out (ours are our own words).
    private const string Expected = """
        {
          "pushnotifi_send": {
            "type": "object",
            "properties": {
              "message": { "type": "string", "maxLength": 4096 },
              "title": { "type": "string", "maxLength": 256 },
              "send_to_key": { "type": "string" },
              "type": { "type": "string", "enum": ["user", "group"], "default": "group" },
              "priority": { "type": "integer", "minimum": -2, "maximum": 2, "default": 0 },
              "url": { "type": "string", "maxLength": 2048 },
              "url_title": { "type": "string", "maxLength": 256 },
              "idempotency_key": { "type": "string", "maxLength": 128 }
            },
            "required": ["message"],
            "additionalProperties": false
          },
          "pushnotifi_list_messages": { "type": "object", "properties": {}, "additionalProperties": false },
          "pushnotifi_list_groups": { "type": "object", "properties": {}, "additionalProperties": false },
          "pushnotifi_test": { "type": "object", "properties": {}, "additionalProperties": false },
          "pushnotifi_request_ack": {
            "type": "object",
            "properties": {
              "message": { "type": "string", "maxLength": 4096 },
              "title": { "type": "string", "maxLength": 256 },
              "send_to_key": { "type": "string" },
              "response_template": { "type": "string", "enum": ["ack", "yes_no", "approve_deny", "proceed_abort", "confirm_cancel", "freetext"] }
            },
            "required": ["message"],
            "additionalProperties": false
          },
          "pushnotifi_await_ack": {
            "type": "object",
            "properties": {
              "correlation_id": { "type": "string" },
              "timeout_seconds": { "type": "integer", "minimum": 1, "default": 900 }
            },
            "required": ["correlation_id"],
            "additionalProperties": false
          }
        }
        """;

    [Fact]
    public async Task The_six_tools_are_listed_with_the_upstreams_names_in_its_order()
    {
        await using var mcp = await McpHarness.StartAsync();

        var tools = await mcp.Client.ListToolsAsync();

        Assert.Equal(
            ["pushnotifi_send", "pushnotifi_list_messages", "pushnotifi_list_groups", "pushnotifi_test", "pushnotifi_request_ack", "pushnotifi_await_ack"],
            tools.Select(t => t.Name));
    }

    [Fact]
    public async Task Every_input_schema_matches_the_upstream_to_the_letter()
    {
        await using var mcp = await McpHarness.StartAsync();
        var expected = JsonNode.Parse(Expected)!.AsObject();

        var tools = await mcp.Client.ListToolsAsync();

        foreach (var tool in tools)
        {
            var schema = WithoutDescriptions(JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText())!);
            Assert.True(JsonNode.DeepEquals(expected[tool.Name], schema), $"{tool.Name}: {schema.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Every_tool_and_argument_has_a_description_and_every_tool_an_output_schema()
    {
        await using var mcp = await McpHarness.StartAsync();

        var tools = await mcp.Client.ListToolsAsync();

        foreach (var tool in tools)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            var output = tool.ProtocolTool.OutputSchema;
            Assert.True(output is not null, tool.Name + " has no outputSchema.");
            Assert.Equal("object", output.Value.GetProperty("type").GetString());
            foreach (var argument in JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText())!["properties"]!.AsObject())
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)argument.Value!["description"]), $"{tool.Name}.{argument.Key}");
            }
        }
    }

    [Fact]
    public async Task The_descriptions_steer_the_agent_to_ask_and_never_to_treat_a_timeout_as_a_yes()
    {
        await using var mcp = await McpHarness.StartAsync();

        var tools = (await mcp.Client.ListToolsAsync()).ToDictionary(t => t.Name);

        Assert.Contains("instead of guessing", tools["pushnotifi_request_ack"].Description);
        Assert.Contains("Safe to retry", tools["pushnotifi_request_ack"].Description);
        Assert.Contains("do NOT proceed", tools["pushnotifi_await_ack"].Description);
        Assert.Contains("pushnotifi_request_ack", tools["pushnotifi_send"].Description);
    }

    [Fact]
    public async Task The_server_is_named_pushnotifi_and_gives_two_sentences_of_instructions()
    {
        await using var mcp = await McpHarness.StartAsync();

        Assert.Equal("pushnotifi", mcp.Client.ServerInfo!.Name);
        var instructions = mcp.Client.ServerInstructions;
        Assert.NotNull(instructions);
        Assert.Equal(2, instructions.Split(". ").Length);
        Assert.Contains("pushnotifi_request_ack", instructions);
        Assert.Contains("timeout", instructions);
    }

    private static JsonNode WithoutDescriptions(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            obj.Remove("description");
            foreach (var property in obj.ToList())
            {
                if (property.Value is not null)
                {
                    WithoutDescriptions(property.Value);
                }
            }
        }

        return node;
    }
}
