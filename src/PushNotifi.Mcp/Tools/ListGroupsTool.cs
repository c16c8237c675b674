using System.Text.Json.Nodes;
using PushNotifi.Mcp.Arguments;

namespace PushNotifi.Mcp.Tools;

/// <summary><c>pushnotifi_list_groups</c>: the account's delivery groups, keys shown only as their last four characters.</summary>
internal sealed class ListGroupsTool(ToolContext context) : PushNotifiTool
{
    internal const string ToolName = "pushnotifi_list_groups";

    internal override string Name => ToolName;

    internal override string Title => "List delivery groups";

    internal override string Description =>
        "Lists the account's delivery groups by name. Keys show only their last four characters (a tool result never "
        + "carries a key); sends without send_to_key go to the default group, marked is_default.";

    internal override IReadOnlyList<ArgumentSpec> Arguments { get; } = [];

    protected override bool ReadOnly => true;

    internal override JsonObject OutputSchema => ObjectSchema(
        new JsonObject
        {
            ["groups"] = ArrayOf(
                new JsonObject
                {
                    ["group_key"] = Typed("string", "The group key's last four characters, e.g. …ab12."),
                    ["name"] = Typed("string", "The group's name."),
                    ["is_default"] = Typed("boolean", "Whether this is PUSHNOTIFI_GROUP_KEY, where sends go by default."),
                },
                "group_key",
                "name"),
        },
        "groups");

    internal override async Task<JsonObject> InvokeAsync(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var groups = await context.Client.ListGroupsAsync(cancellationToken).ConfigureAwait(false);
        var items = new JsonArray();
        foreach (var group in groups)
        {
            items.Add((JsonNode)new JsonObject
            {
                ["group_key"] = Redactor.LastFour(group.GroupKey),
                ["name"] = context.Redactor.Redact(group.Name),
                ["is_default"] = string.Equals(group.GroupKey, context.Settings.GroupKey, StringComparison.Ordinal),
            });
        }

        return new JsonObject { ["groups"] = items };
    }
}
