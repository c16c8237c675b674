using System.Globalization;
using System.Text.Json.Nodes;
using PushNotifi.Mcp.Arguments;

namespace PushNotifi.Mcp.Tools;

/// <summary><c>pushnotifi_test</c>: the upstream's fixed test notification to the default group.</summary>
internal sealed class TestTool(ToolContext context) : PushNotifiTool(ToolName, "Send a test notification", ToolDescription)
{
    internal const string ToolName = "pushnotifi_test";
    internal const string TestTitle = "Test from PushNotifi MCP";
    internal const string TestMessage = "PushNotifi MCP server is reachable.";

    private const string ToolDescription =
        "Sends a fixed test notification to the team's default group, to check that the key, the group and the phones "
        + "work. Use it when setting up or when sends seem to go nowhere; not to tell anyone anything.";

    internal override IReadOnlyList<ArgumentSpec> Arguments { get; } = [];

    internal override JsonObject OutputSchema => SendResultSchema("The API's answer.", "mcp-test: and the send's Unix time in seconds.");

    internal override async Task<JsonObject> InvokeAsync(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var group = context.DefaultGroupKey(ToolName);
        var key = "mcp-test:" + context.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var result = await context.Client.SendAsync(
            new PushNotifiMessage
            {
                Type = PushNotifiRecipientType.Group,
                SendToKey = group,
                Title = TestTitle,
                Message = TestMessage,
                Priority = PushNotifiPriority.Normal,
                IdempotencyKey = key,
            },
            cancellationToken).ConfigureAwait(false);

        return SendResult(result.Message, key);
    }
}
