using System.Text.Json.Nodes;

namespace PushNotifi.Mcp.Tests.OutOfProcess;

/// <summary>
/// A string argument that is not text (an escaped lone surrogate) is an <c>INVALID_ARG</c> result naming it, for every
/// string argument of every tool. Sent as raw lines: the SDK's client cannot even write such a string.
/// </summary>
public class InvalidTextTests
{
    [Fact]
    public async Task Every_string_argument_of_every_tool_holding_a_lone_surrogate_is_INVALID_ARG_naming_it()
    {
        await using var server = await RawStdioServer.StartAsync();
        await server.SendAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
        var tools = (await server.ReadAsync())["result"]!["tools"]!.AsArray();

        var id = 100;
        var checkedArguments = new List<string>();
        foreach (var tool in tools)
        {
            var name = (string)tool!["name"]!;
            var properties = tool["inputSchema"]!["properties"]!.AsObject();
            foreach (var (field, schema) in properties.Where(p => (string?)p.Value!["type"] == "string"))
            {
                var arguments = string.Join(',', properties
                    .Where(p => p.Key != field && (string?)p.Value!["type"] == "string" && Required(tool).Contains(p.Key))
                    .Select(p => $"\"{p.Key}\":\"ok\"")
                    .Append($"\"{field}\":\"a\\ud800b\""));
                var call = "{\"name\":\"" + name + "\",\"arguments\":{" + arguments + "}}";
                await server.SendAsync($$"""{"jsonrpc":"2.0","id":{{++id}},"method":"tools/call","params":{{call}}}""");
                var answer = await server.ReadAsync();

                Assert.Equal(id, (int?)answer["id"]);
                Assert.True((bool?)answer["result"]?["isError"] == true, $"{name}.{field}: {answer.ToJsonString()}");
                var error = JsonNode.Parse((string)answer["result"]!["content"]![0]!["text"]!)!;
                Assert.Equal("INVALID_ARG", (string?)error["code"]);
                Assert.Equal(field, (string?)error["details"]?["field"]);
                Assert.Contains("not valid Unicode text", (string?)error["message"], StringComparison.Ordinal);
                checkedArguments.Add($"{name}.{field}");
            }
        }

        // Every tool that takes text was tried: send, request_ack and await_ack; the three without arguments have none.
        Assert.Contains("pushnotifi_send.message", checkedArguments);
        Assert.Contains("pushnotifi_send.url_title", checkedArguments);
        Assert.Contains("pushnotifi_request_ack.response_template", checkedArguments);
        Assert.Contains("pushnotifi_await_ack.correlation_id", checkedArguments);
    }

    [Fact]
    public async Task An_argument_name_that_is_not_text_is_INVALID_ARG_too()
    {
        await using var server = await RawStdioServer.StartAsync();

        await server.SendAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"pushnotifi_send","arguments":{"message":"m","\udc00":"x"}}}""");
        var answer = await server.ReadAsync();

        Assert.Equal(true, (bool?)answer["result"]?["isError"]);
        var error = JsonNode.Parse((string)answer["result"]!["content"]![0]!["text"]!)!;
        Assert.Equal("INVALID_ARG", (string?)error["code"]);
        Assert.Equal("arguments", (string?)error["details"]?["field"]);
    }

    private static HashSet<string> Required(JsonNode tool) =>
        [.. (tool["inputSchema"]!["required"]?.AsArray() ?? []).Select(n => (string)n!)];
}
