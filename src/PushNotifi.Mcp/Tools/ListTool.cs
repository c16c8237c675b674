using System.Text.Json.Nodes;
using PushNotifi.Mcp.Arguments;

namespace PushNotifi.Mcp.Tools;

/// <summary>
/// A read-only tool without arguments that lists what the account has: the result is one array, under
/// <paramref name="listName"/>, of one object per item.
/// </summary>
/// <typeparam name="T">What the client lists.</typeparam>
/// <param name="name">The tool's name.</param>
/// <param name="title">A short human title.</param>
/// <param name="description">What it lists and when to use it, for the agent.</param>
/// <param name="listName">The result's one property.</param>
internal abstract class ListTool<T>(string name, string title, string description, string listName)
    : PushNotifiTool(name, title, description, readOnly: true)
{
    internal sealed override IReadOnlyList<ArgumentSpec> Arguments { get; } = [];

    internal sealed override JsonObject OutputSchema =>
        ObjectSchema(new JsonObject { [listName] = ArrayOf(ItemProperties, RequiredItemProperties) }, listName);

    /// <summary>The schema's properties of one item.</summary>
    protected abstract JsonObject ItemProperties { get; }

    /// <summary>The item properties that are always there.</summary>
    protected abstract string[] RequiredItemProperties { get; }

    /// <summary>Asks the client for the list.</summary>
    protected abstract Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One item as the agent sees it, redacted.</summary>
    protected abstract JsonObject Item(T value);

    internal sealed override async Task<JsonObject> InvokeAsync(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var items = new JsonArray();
        foreach (var value in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add((JsonNode)Item(value));
        }

        return new JsonObject { [listName] = items };
    }
}
