using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PushNotifi.Mcp.Errors;

namespace PushNotifi.Mcp.Tools;

/// <summary>
/// Answers a <c>tools/call</c> whose arguments hold a string that is not text (an escaped lone surrogate such as
/// <c>"\ud800"</c>) with an <c>INVALID_ARG</c> result naming the argument. The SDK cannot read such a call into its
/// parameters and would answer a bare -32603, so this runs first, as an incoming message filter.
/// </summary>
internal static class InvalidTextFilter
{
    internal static McpMessageFilter For(ToolCatalog catalog) => next => async (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ToolsCall } request && FindInvalid(request.Params) is { } invalid)
        {
            var result = catalog.Failed(invalid.Tool, ToolFailure.InvalidText(invalid.Tool, invalid.Field));
            var answer = JsonSerializer.SerializeToNode(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult)));
            await context.Server.SendMessageAsync(new JsonRpcResponse { Id = request.Id, Result = answer }, cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(context, cancellationToken).ConfigureAwait(false);
    };

    /// <summary>The tool and the first argument whose value (or name) is not text; null when all are.</summary>
    private static (string Tool, string Field)? FindInvalid(JsonNode? parameters)
    {
        if (parameters is not JsonObject call)
        {
            return null;
        }

        string tool;
        try
        {
            tool = call["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String ? name.GetValue<string>() : string.Empty;
        }
        catch (InvalidOperationException)
        {
            return (string.Empty, "name");
        }

        if (call["arguments"] is not JsonObject arguments)
        {
            return null;
        }

        try
        {
            foreach (var (field, value) in arguments)
            {
                if (!IsText(value))
                {
                    return (tool, field);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // An argument's name is itself not text: there is no name to give.
            return (tool, "arguments");
        }

        return null;
    }

    private static bool IsText(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    _ = value.GetValue<string>();
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }

            case JsonObject members:
                return members.All(m => IsText(m.Value));
            case JsonArray items:
                return items.All(IsText);
            default:
                return true;
        }
    }
}
