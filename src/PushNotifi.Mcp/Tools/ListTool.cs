using System.Text.Json.Nodes;
using PushNotifi.Mcp.Arguments;

namespace PushNotifi.Mcp.Tools;

/// <summary>
/// A read-only tool without arguments that lists what the account has: the result is one array, under
/// <paramref name="listName"/>, of one object per item, whose properties are the tool's <see cref="Columns"/>.
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

    internal sealed override JsonObject OutputSchema
    {
        get
        {
            var columns = Columns;
            var properties = new JsonObject(columns.Select(c => KeyValuePair.Create(c.Name, (JsonNode?)c.Schema)));
            string[] required = [.. columns.Where(c => c.Required).Select(c => c.Name)];
            return ObjectSchema(new JsonObject { [listName] = ArrayOf(properties, required) }, listName);
        }
    }

    /// <summary>The properties of one item, in the order the schema and the result show them.</summary>
    protected abstract IReadOnlyList<Column> Columns { get; }

    /// <summary>Asks the client for the list.</summary>
    protected abstract Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken);

    internal sealed override async Task<JsonObject> InvokeAsync(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var columns = Columns;
        var items = new JsonArray();
        foreach (var value in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var item = new JsonObject();
            foreach (var column in columns)
            {
                item[column.Name] = column.Read(value);
            }

            items.Add((JsonNode)item);
        }

        return new JsonObject { [listName] = items };
    }

    /// <summary>One property of a listed item, declared once: its schema, whether every item has it, and its redacted value.</summary>
    /// <param name="Name">The property's name.</param>
    /// <param name="Schema">Its JSON Schema (<see cref="PushNotifiTool.Typed"/> or <see cref="PushNotifiTool.Nullable"/>).</param>
    /// <param name="Read">Its value for one item, as the agent sees it (redacted).</param>
    /// <param name="Required">Whether the schema lists it as required.</param>
    protected sealed record Column(string Name, JsonObject Schema, Func<T, JsonNode?> Read, bool Required = false);
}
