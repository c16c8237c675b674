using System.Text.Json.Nodes;
using PushNotifi.Mcp.Acks;
using PushNotifi.Mcp.Arguments;
using PushNotifi.Mcp.Errors;

namespace PushNotifi.Mcp.Tools;

/// <summary><c>pushnotifi_request_ack</c>: pages a person with a question at priority 2; safe to retry within a minute.</summary>
internal sealed class RequestAckTool(ToolContext context) : PushNotifiTool(ToolName, "Ask a person before acting", ToolDescription)
{
    internal const string ToolName = "pushnotifi_request_ack";

    private const string ToolDescription =
        "Asks a person on their phone and returns a correlation_id; then call pushnotifi_await_ack with it to get the "
        + "answer. Ask instead of guessing whenever the next step is destructive, irreversible, costly, visible to "
        + "others or outside what you were asked to do: deploys, deletions, migrations, force-pushes, payments, "
        + "messages to customers. Word the question so it can be answered from a lock screen, and pick "
        + "response_template to match it: approve_deny, yes_no, proceed_abort or confirm_cancel for a decision, "
        + "freetext for a typed reply, ack just to be told it was seen. Safe to retry: the same question sent again "
        + "within about a minute returns the same correlation_id and pages once; asking later is a new question "
        + "whose answer starts afresh.";

    internal override IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        ArgumentSpec.Text("message", "The question, answerable from a lock screen: what you want to do, and why.", 4096, required: true),
        ArgumentSpec.Text("title", "A short title, e.g. the action's name.", 256),
        ArgumentSpec.Text("send_to_key", "Who is asked: a user key (u…) or a group key (g…). Leave it out to ask the team's default group (PUSHNOTIFI_GROUP_KEY)."),
        new("response_template", ArgumentSpec.String, "The buttons: ack (Acknowledge), yes_no, approve_deny, proceed_abort, confirm_cancel, or freetext for a typed reply.")
        {
            Enum = [.. PushNotifiResponseTemplates.WireNames],
        },
    ];

    internal override JsonObject OutputSchema => ObjectSchema(
        new JsonObject { ["correlation_id"] = Typed("string", "Pass it to pushnotifi_await_ack.") },
        "correlation_id");

    internal override async Task<JsonObject> InvokeAsync(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var message = arguments.String("message")!;
        var title = arguments.String("title");
        var template = arguments.String("response_template");
        var sendToKey = arguments.String("send_to_key");
        PushNotifiRecipientType type;
        if (sendToKey is null)
        {
            sendToKey = context.DefaultGroupKey(ToolName);
            type = PushNotifiRecipientType.Group;
        }
        else
        {
            type = sendToKey.StartsWith('u') ? PushNotifiRecipientType.User
                : sendToKey.StartsWith('g') ? PushNotifiRecipientType.Group
                : throw ToolFailure.InvalidArgument("send_to_key", $"{ToolName}: send_to_key must be a user key (u…) or a group key (g…).");
        }

        var question = new PushNotifiMessage
        {
            Type = type,
            SendToKey = sendToKey,
            Message = message,
            Title = title,
            ResponseTemplate = template is null ? null : ParseTemplate(template),
        };

        // Not the caller's token: a page that went out must be remembered even if this caller gave up, so its retry finds it.
        var alertId = await context.RecentAsks.GetOrAskAsync(
            new AskedQuestion(message, title, sendToKey, question.ResponseTemplate),
            () => context.Client.RequestAckAsync(question, CancellationToken.None),
            cancellationToken).ConfigureAwait(false);
        return new JsonObject { ["correlation_id"] = alertId };
    }

    // The schema's enum already refused anything else.
    private static PushNotifiResponseTemplate ParseTemplate(string wireName) =>
        PushNotifiResponseTemplates.TryParse(wireName, out var template) ? template : throw new ArgumentOutOfRangeException(nameof(wireName), wireName, "Not a response template.");
}
