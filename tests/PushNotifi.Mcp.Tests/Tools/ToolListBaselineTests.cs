using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using PushNotifi.Mcp.Tests.OutOfProcess;

namespace PushNotifi.Mcp.Tests.Tools;

/// <summary>The whole <c>tools/list</c> result, as the server sends it, against the committed tools-list.json.</summary>
public class ToolListBaselineTests
{
    private static readonly JsonSerializerOptions s_readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task The_tools_list_result_is_the_committed_one_to_the_letter()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var baseline = Path.Combine(ServerProcess.RepositoryRoot, "tests", "PushNotifi.Mcp.Tests", "Tools", "tools-list.json");
        await using var mcp = await McpHarness.StartAsync();

        // The raw result, not the SDK's Tool objects: a field the client would drop or reorder still shows.
        var response = await mcp.Client.SendRequestAsync(new JsonRpcRequest { Method = RequestMethods.ToolsList }, cancellationToken);
        var actual = response.Result!;

        var expected = JsonNode.Parse(await File.ReadAllTextAsync(baseline, cancellationToken))!;
        if (actual.ToJsonString() != expected.ToJsonString())
        {
            var received = Path.Combine(Path.GetTempPath(), "pushnotifi-tools-list.received.json");
            await File.WriteAllTextAsync(received, actual.ToJsonString(s_readable) + "\n", cancellationToken);
            Assert.Fail($"tools/list changed: compare {received} with {baseline}; copy it over the baseline only if the change is meant.");
        }
    }
}
