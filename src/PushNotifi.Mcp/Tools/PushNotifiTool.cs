using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using PushNotifi.Mcp.Arguments;

namespace PushNotifi.Mcp.Tools;

/// <summary>One of the six tools: its name, words for the agent, argument specs, output schema, and what it does.</summary>
internal abstract class PushNotifiTool
{
    private Tool? _definition;

    internal abstract string Name { get; }

    internal abstract string Title { get; }

    internal abstract string Description { get; }

    internal abstract IReadOnlyList<ArgumentSpec> Arguments { get; }

    /// <summary>The JSON Schema of the structured result.</summary>
    internal abstract JsonObject OutputSchema { get; }

    /// <summary>Whether the tool only reads; a send or a page is not.</summary>
    protected virtual bool ReadOnly => false;

    // Null rather than false when it writes, so the hint is left out of tools/list as before.
    internal ToolAnnotations Annotations => new() { Title = Title, ReadOnlyHint = ReadOnly ? true : null, OpenWorldHint = true };

    /// <summary>The <c>tools/list</c> entry, built once.</summary>
    internal Tool Definition => _definition ??= new Tool
    {
        Name = Name,
        Title = Title,
        Description = Description,
        InputSchema = InputSchema.For(Arguments),
        OutputSchema = InputSchema.JsonElementOf(OutputSchema),
        Annotations = Annotations,
    };

    /// <summary>Runs the tool on checked arguments and returns the structured result.</summary>
    internal abstract Task<JsonObject> InvokeAsync(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken);

    /// <summary>An object schema with <paramref name="required"/> properties and no others allowed.</summary>
    protected static JsonObject ObjectSchema(JsonObject properties, params string[] required) => new()
    {
        ["type"] = "object",
        ["properties"] = properties,
        ["required"] = Names(required),
        ["additionalProperties"] = false,
    };

    /// <summary>An array schema whose items are objects with <paramref name="itemProperties"/>.</summary>
    protected static JsonObject ArrayOf(JsonObject itemProperties, params string[] required) => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = itemProperties,
            ["required"] = Names(required),
        },
    };

    protected static JsonObject Typed(string type, string description) => new() { ["type"] = type, ["description"] = description };

    protected static JsonObject Nullable(string type, string description) =>
        new() { ["type"] = new JsonArray(type, "null"), ["description"] = description };

    private static JsonArray Names(string[] names) => new([.. names.Select(n => (JsonNode?)JsonValue.Create(n))]);

    /// <summary>Dates as JavaScript's <c>toISOString</c> writes them, so results look the same from either server.</summary>
    protected static string? IsoDate(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
