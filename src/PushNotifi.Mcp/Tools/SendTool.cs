using System.Text.Json.Nodes;
using PushNotifi.Mcp.Arguments;
using PushNotifi.Mcp.Idempotency;

namespace PushNotifi.Mcp.Tools;

/// <summary><c>pushnotifi_send</c>: one notification, keyed so that a retried call is delivered once.</summary>
internal sealed class SendTool(ToolContext context) : PushNotifiTool(ToolName, "Send a push notification", ToolDescription)
{
    internal const string ToolName = "pushnotifi_send";

    private const string ToolDescription =
        "Sends a push notification to the team's phones. Use it for something a person should know now: a long job "
        + "finished, a build or deploy failed, a result is ready. It does not wait for any answer; when you need a "
        + "person's decision before acting, use pushnotifi_request_ack instead. A retried call with the same arguments "
        + "is delivered once (a key is derived from them unless you pass idempotency_key). Keep priority 2 for real "
        + "emergencies: it repeats on the phone until someone acknowledges it.";

    internal override IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        ArgumentSpec.Text("message", "The notification text.", 4096, required: true),
        ArgumentSpec.Text("title", "A short title shown above the text.", 256),
        ArgumentSpec.Text("send_to_key", "The recipient's key. Leave it out to send to the team's default group (PUSHNOTIFI_GROUP_KEY)."),
        new("type", ArgumentSpec.String, "Whether send_to_key names a user or a group.")
        {
            Enum = [Recipients.User, Recipients.Group],
            Default = Recipients.Group,
        },
        new("priority", ArgumentSpec.Integer, "-2 silent, -1 quiet, 0 normal, 1 high (bypasses quiet hours), 2 emergency (repeats until acknowledged).")
        {
            Minimum = -2,
            Maximum = 2,
            Default = 0,
        },
        ArgumentSpec.Text("url", "A link to open from the notification.", 2048),
        ArgumentSpec.Text("url_title", "The link's text.", 256),
        ArgumentSpec.Text("idempotency_key", "Makes retries safe: sends with the same key are delivered once. Derived from the arguments when absent.", 128),
    ];

    internal override JsonObject OutputSchema => SendResultSchema(
        "The API's answer, e.g. that the notification was accepted.",
        "The key the send carried: yours, or the one derived from the arguments.");

    internal override async Task<JsonObject> InvokeAsync(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var message = arguments.String("message")!;
        var title = arguments.String("title");
        var type = arguments.String("type") ?? Recipients.Group;
        var sendToKey = arguments.String("send_to_key") ?? context.DefaultGroupKey(ToolName);
        var priority = arguments.Integer("priority");
        var url = arguments.String("url");
        var urlTitle = arguments.String("url_title");
        var key = arguments.String("idempotency_key")
            ?? AutoIdempotencyKey.For(type, sendToKey, message, title, priority, url, urlTitle);

        var result = await context.Client.SendAsync(
            new PushNotifiMessage
            {
                Type = Recipients.Parse(type),
                SendToKey = sendToKey,
                Message = message,
                Title = title,
                Priority = (PushNotifiPriority)(priority ?? 0),
                Url = url,
                UrlTitle = urlTitle,
                IdempotencyKey = key,
            },
            cancellationToken).ConfigureAwait(false);

        return SendResult(result.Message, context.Redactor.Redact(key));
    }
}
