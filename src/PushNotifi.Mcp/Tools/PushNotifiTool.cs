using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using PushNotifi.Mcp.Arguments;

namespace PushNotifi.Mcp.Tools;

/// <summary>
/// One of the six tools: its name, words for the agent and whether it only reads (given once, to the constructor),
/// its argument specs, output schema, and what it does.
/// </summary>
/// <param name="name">The tool's name in tools/list and tools/call.</param>
/// <param name="title">A short human title.</param>
/// <param name="description">What it does and when to use it, for the agent.</param>
/// <param name="readOnly">Whether the tool only reads; a send or a page is not.</param>
internal abstract class PushNotifiTool(string name, string title, string description, bool readOnly = false)
{
    private Tool? _definition;

    internal string Name { get; } = name;

    internal string Title { get; } = title;

    internal string Description { get; } = description;

    internal abstract IReadOnlyList<ArgumentSpec> Arguments { get; }

    /// <summary>The JSON Schema of the structured result.</summary>
    internal abstract JsonObject OutputSchema { get; }

    // Null rather than false when it writes, so the hint is left out of tools/list as before.
    internal ToolAnnotations Annotations => new() { Title = Title, ReadOnlyHint = readOnly ? true : null, OpenWorldHint = true };

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

    /// <summary>The result of a send: the API's answer and the idempotency key the send carried.</summary>
    protected static JsonObject SendResultSchema(string messageDescription, string keyDescription) => ObjectSchema(
        new JsonObject
        {
            ["message"] = Typed("string", messageDescription),
            ["idempotency_key"] = Typed("string", keyDescription),
        },
        "message",
        "idempotency_key");

    /// <summary>The structured result that <see cref="SendResultSchema"/> describes.</summary>
    protected static JsonObject SendResult(string? message, string idempotencyKey) =>
        new() { ["message"] = message, ["idempotency_key"] = idempotencyKey };

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
