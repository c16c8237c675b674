namespace PushNotifi.Mcp.Tools;

/// <summary><c>pushnotifi_list_groups</c>: the account's delivery groups, keys shown only as their last four characters.</summary>
internal sealed class ListGroupsTool(ToolContext context)
    : ListTool<PushNotifiGroup>(ToolName, "List delivery groups", ToolDescription, "groups")
{
    internal const string ToolName = "pushnotifi_list_groups";

    private const string ToolDescription =
        "Lists the account's delivery groups by name. Keys show only their last four characters (a tool result never "
        + "carries a key); sends without send_to_key go to the default group, marked is_default.";

    protected override IReadOnlyList<Column> Columns =>
    [
        new("group_key", Typed("string", "The group key's last four characters, e.g. …ab12."), g => Redactor.LastFour(g.GroupKey), Required: true),
        new("name", Typed("string", "The group's name."), g => context.Redactor.Redact(g.Name), Required: true),
        new("is_default", Typed("boolean", "Whether this is PUSHNOTIFI_GROUP_KEY, where sends go by default."),
            g => string.Equals(g.GroupKey, context.Settings.GroupKey, StringComparison.Ordinal)),
    ];

    protected override Task<IReadOnlyList<PushNotifiGroup>> ListAsync(CancellationToken cancellationToken) =>
        context.Client.ListGroupsAsync(cancellationToken);
}
