using System.Text.Json.Nodes;
using PushNotifi.Mcp.Acks;
using PushNotifi.Mcp.Arguments;
using PushNotifi.Mcp.Errors;

namespace PushNotifi.Mcp.Tools;

/// <summary>
/// <c>pushnotifi_await_ack</c>: waits for the answer with the runtime's adaptive polling, reports MCP progress, and
/// stops as soon as the client cancels. A timeout is a result, <c>acked: false</c>, never an approval.
/// </summary>
internal sealed class AwaitAckTool(ToolContext context) : PushNotifiTool(ToolName, "Wait for the person's answer", ToolDescription, readOnly: true)
{
    internal const string ToolName = "pushnotifi_await_ack";
    internal const int MaxTimeoutSeconds = 3600;

    private const string ToolDescription =
        "Waits for the answer to a pushnotifi_request_ack question. Returns acked: true with response (the button "
        + "tapped, e.g. Approve, or the reply typed) and comment (a note they added). Go ahead only on an affirmative "
        + "answer: Approve, Yes, Proceed, Confirm or Acknowledge. acked: false with reason timeout means nobody "
        + "answered in time: do NOT proceed, and do not treat silence as consent; say that no answer came, or ask "
        + "again later. Deny, No, Abort or Cancel means stop. It checks quickly at first and less often later, "
        + "reports progress while it waits, and stops at once if the call is cancelled.";

    internal override IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        ArgumentSpec.Text("correlation_id", "The correlation_id that pushnotifi_request_ack returned.", required: true),
        new("timeout_seconds", ArgumentSpec.Integer, "How long to wait, in seconds, at most 3600. After it, the result is acked: false, reason timeout.")
        {
            Minimum = 1,
            Default = 900,
        },
    ];

    internal override JsonObject OutputSchema => ObjectSchema(
        new JsonObject
        {
            ["acked"] = Typed("boolean", "Whether a person answered in time."),
            ["acked_at"] = Nullable("string", "When they answered (ISO 8601)."),
            ["acked_by_device_id"] = Nullable("string", "The device they answered from."),
            ["response"] = Nullable("string", "The button tapped or the reply typed; null for a plain acknowledgement."),
            ["comment"] = Nullable("string", "A note they added under the buttons."),
            ["reason"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("timeout"), ["description"] = "Why there is no answer." },
        },
        "acked");

    internal override async Task<JsonObject> InvokeAsync(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var correlationId = arguments.String("correlation_id")!;
        var seconds = arguments.Integer("timeout_seconds") ?? 900;
        if (seconds > MaxTimeoutSeconds)
        {
            throw ToolFailure.InvalidArgument("timeout_seconds", $"{ToolName}: timeout_seconds is at most {MaxTimeoutSeconds}; it was {seconds}.");
        }

        if (string.IsNullOrWhiteSpace(correlationId))
        {
            throw ToolFailure.InvalidArgument("correlation_id", $"{ToolName}: correlation_id must not be empty.");
        }

        var progress = new AckProgressReporter(call, context.AckObserver, cancellationToken);
        var result = await context.Client.AwaitAckAsync(correlationId, TimeSpan.FromSeconds(seconds), progress, cancellationToken).ConfigureAwait(false);

        // The last notification goes out before the result, as clients expect.
        await progress.Sent.ConfigureAwait(false);
        if (!result.Acked)
        {
            return new JsonObject { ["acked"] = false, ["reason"] = "timeout" };
        }

        return new JsonObject
        {
            ["acked"] = true,
            ["acked_at"] = IsoDate(result.AckedAt),
            ["acked_by_device_id"] = result.AckedByDeviceId is null ? null : context.Redactor.Redact(result.AckedByDeviceId),
            ["response"] = result.Response,
            ["comment"] = result.Comment,
        };
    }
}
