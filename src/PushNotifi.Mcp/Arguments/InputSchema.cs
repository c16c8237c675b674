using System.Text.Json;
using System.Text.Json.Nodes;

namespace PushNotifi.Mcp.Arguments;

/// <summary>Builds a tool's <c>inputSchema</c>: an object of its arguments, <c>additionalProperties: false</c>.</summary>
internal static class InputSchema
{
    internal static JsonElement For(IReadOnlyList<ArgumentSpec> arguments)
    {
        var properties = new JsonObject();
        foreach (var argument in arguments)
        {
            properties[argument.Name] = argument.ToSchema();
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var required = arguments.Where(a => a.Required).Select(a => (JsonNode?)JsonValue.Create(a.Name)).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }

        schema["additionalProperties"] = false;
        return JsonElementOf(schema);
    }

    internal static JsonElement JsonElementOf(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
