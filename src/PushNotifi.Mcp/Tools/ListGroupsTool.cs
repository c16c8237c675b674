using System.Text.Json.Nodes;

namespace PushNotifi.Mcp.Tools;

/// <summary><c>pushnotifi_list_groups</c>: the account's delivery groups, keys shown only as their last four characters.</summary>
internal sealed class ListGroupsTool(ToolContext context)
    : ListTool<PushNotifiGroup>(ToolName, "List delivery groups", ToolDescription, "groups")
{
    internal const string ToolName = "pushnotifi_list_groups";

    private const string ToolDescription =
        "Lists the account's delivery groups by name. Keys show only their last four characters (a tool result never "
        + "carries a key); sends without send_to_key go to the default group, marked is_default.";

    protected override JsonObject ItemProperties => new()
    {
        ["group_key"] = Typed("string", "The group key's last four characters, e.g. …ab12."),
        ["name"] = Typed("string", "The group's name."),
        ["is_default"] = Typed("boolean", "Whether this is PUSHNOTIFI_GROUP_KEY, where sends go by default."),
    };

    protected override string[] RequiredItemProperties => ["group_key", "name"];

    protected override Task<IReadOnlyList<PushNotifiGroup>> ListAsync(CancellationToken cancellationToken) =>
        context.Client.ListGroupsAsync(cancellationToken);

    protected override JsonObject Item(PushNotifiGroup value) => new()
    {
        ["group_key"] = Redactor.LastFour(value.GroupKey),
        ["name"] = context.Redactor.Redact(value.Name),
        ["is_default"] = string.Equals(value.GroupKey, context.Settings.GroupKey, StringComparison.Ordinal),
    };
}
