using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PushNotifi.Mcp.Arguments;
using PushNotifi.Mcp.Errors;

namespace PushNotifi.Mcp.Tools;

/// <summary>
/// Lists the six tools and runs a call: checks the arguments, runs the tool, and turns every failure (an unknown tool
/// included) into an <c>isError</c> result whose text is <c>{ "code", "message", "details" }</c>.
/// </summary>
internal sealed partial class ToolCatalog
{
    // Results are read by agents: keep non-ASCII text readable rather than \u-escaped.
    private static readonly JsonSerializerOptions s_textOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ToolContext _context;
    private readonly Dictionary<string, PushNotifiTool> _tools;

    internal ToolCatalog(ToolContext context)
    {
        _context = context;
        PushNotifiTool[] tools =
        [
            new SendTool(context),
            new ListMessagesTool(context),
            new ListGroupsTool(context),
            new TestTool(context),
            new RequestAckTool(context),
            new AwaitAckTool(context),
        ];
        Tools = tools;
        _tools = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    internal IReadOnlyList<PushNotifiTool> Tools { get; }

    internal ListToolsResult List() => new() { Tools = [.. Tools.Select(t => t.Definition)] };

    internal async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var parameters = request.Params;
        var name = parameters?.Name ?? string.Empty;
        var call = new ToolCall(request.Server, parameters?.ProgressToken);
        try
        {
            if (!_tools.TryGetValue(name, out var tool))
            {
                throw ToolFailure.InvalidArgument("name", $"There is no tool '{_context.Redactor.Redact(name)}'; the tools are {string.Join(", ", _tools.Keys)}.");
            }

            var arguments = ToolArguments.Read(name, tool.Arguments, parameters?.Arguments);
            var result = await tool.InvokeAsync(arguments, call, cancellationToken).ConfigureAwait(false);
            Log.Called(_context.Logger, name);
            return Success(result);
        }
        catch (ToolFailure failure)
        {
            return Failed(name, failure);
        }
        catch (PushNotifiException exception)
        {
            return Failed(name, FailureMapper.Map(exception, _context.Redactor, _context.Settings.RateLimitPerMinute, _context.Settings.CallBudget));
        }
    }

    /// <summary>The <c>isError</c> result of a failed call, logged and redacted.</summary>
    internal CallToolResult Failed(string name, ToolFailure failure)
    {
        var message = _context.Redactor.Redact(failure.Message);
        Log.Failed(_context.Logger, _context.Redactor.Redact(name), failure.Code, message);
        var error = new JsonObject { ["code"] = failure.Code, ["message"] = message, ["details"] = failure.Details };
        return new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = _context.Redactor.Redact(error.ToJsonString(s_textOptions)) }],
        };
    }

    // The whole text passes the redactor once more, whatever each tool did: a key never leaves in a result.
    private CallToolResult Success(JsonObject result)
    {
        var text = _context.Redactor.Redact(result.ToJsonString(s_textOptions));
        JsonElement? structured = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            structured = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A replacement broke the JSON: the redacted text still goes out, the structured copy does not.
        }

        return new CallToolResult { Content = [new TextContentBlock { Text = text }], StructuredContent = structured };
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Tool}: ok")]
        internal static partial void Called(ILogger logger, string tool);

        [LoggerMessage(2, LogLevel.Warning, "{Tool}: {Code}: {Message}")]
        internal static partial void Failed(ILogger logger, string tool, string code, string message);
    }
}
