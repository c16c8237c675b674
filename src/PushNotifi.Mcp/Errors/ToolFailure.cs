using System.Text.Json.Nodes;

namespace PushNotifi.Mcp.Errors;

/// <summary>
/// A failed tool call as the upstream reports it: a code, a key-free message and details. Thrown inside a tool and
/// turned into an <c>isError</c> result at the edge, so no failure ever reaches the client as a protocol error.
/// </summary>
internal sealed class ToolFailure : Exception
{
    internal ToolFailure(string code, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Details = details ?? [];
    }

    /// <summary>One of <see cref="ToolErrorCode"/>.</summary>
    internal string Code { get; }

    /// <summary>The code's details, e.g. <c>retry_after_ms</c> for <see cref="ToolErrorCode.RateLimited"/>.</summary>
    internal JsonObject Details { get; }

    internal static ToolFailure InvalidArgument(string field, string message) =>
        new(ToolErrorCode.InvalidArg, message, new JsonObject { ["field"] = field });

    /// <summary>A string argument that is not text: an escaped lone surrogate such as <c>"\ud800"</c>.</summary>
    internal static ToolFailure InvalidText(string tool, string field) => InvalidArgument(
        field,
        $"{(tool.Length == 0 ? "tools/call" : tool)}: '{field}' is not valid Unicode text: it holds an unpaired surrogate (such as \\ud800); send valid text.");

    internal static ToolFailure MissingEnvironment(string variable, string message) =>
        new(ToolErrorCode.MissingEnv, message, new JsonObject { ["variable"] = variable });
}
