using System.Text.Json.Nodes;

namespace PushNotifi.Mcp.Arguments;

/// <summary>
/// One tool argument: the single source of both its JSON Schema (what <c>tools/list</c> shows) and the check run on
/// every call, so the two cannot drift apart.
/// </summary>
/// <param name="Name">The argument's name, e.g. <c>send_to_key</c>.</param>
/// <param name="Type">The JSON Schema type: <c>string</c> or <c>integer</c>.</param>
/// <param name="Description">What the agent reads about it.</param>
internal sealed record ArgumentSpec(string Name, string Type, string Description)
{
    internal const string String = "string";
    internal const string Integer = "integer";

    internal bool Required { get; init; }

    internal int? MaxLength { get; init; }

    internal long? Minimum { get; init; }

    internal long? Maximum { get; init; }

    internal IReadOnlyList<string>? Enum { get; init; }

    /// <summary>The default the schema advertises; the tool applies it when the argument is absent.</summary>
    internal JsonNode? Default { get; init; }

    internal static ArgumentSpec Text(string name, string description, int? maxLength = null, bool required = false) =>
        new(name, String, description) { MaxLength = maxLength, Required = required };

    internal JsonObject ToSchema()
    {
        var schema = new JsonObject { ["type"] = Type, ["description"] = Description };
        if (Enum is { } values)
        {
            schema["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        if (MaxLength is { } max)
        {
            schema["maxLength"] = max;
        }

        if (Minimum is { } minimum)
        {
            schema["minimum"] = minimum;
        }

        if (Maximum is { } maximum)
        {
            schema["maximum"] = maximum;
        }

        if (Default is { } value)
        {
            schema["default"] = value.DeepClone();
        }

        return schema;
    }
}
