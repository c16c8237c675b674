using System.Globalization;
using System.Text.Json.Nodes;
using PushNotifi.Mcp.Arguments;

namespace PushNotifi.Mcp.Tools;

/// <summary><c>pushnotifi_list_messages</c>: what the account sent recently.</summary>
internal sealed class ListMessagesTool(ToolContext context) : PushNotifiTool
{
    internal const string ToolName = "pushnotifi_list_messages";

    internal override string Name => ToolName;

    internal override string Title => "List sent notifications";

    internal override string Description =>
        "Lists the notifications this account sent recently, newest as the API orders them. Use it to check whether "
        + "something was already sent before sending it again.";

    internal override IReadOnlyList<ArgumentSpec> Arguments { get; } = [];

    protected override bool ReadOnly => true;

    internal override JsonObject OutputSchema => ObjectSchema(
        new JsonObject
        {
            ["messages"] = ArrayOf(
                new JsonObject
                {
                    ["id"] = Typed("string", "The notification's id."),
                    ["type"] = Nullable("string", "user or group."),
                    ["title"] = Nullable("string", "The title."),
                    ["message"] = Typed("string", "The text."),
                    ["priority"] = Nullable("integer", "-2 to 2."),
                    ["idempotency_key"] = Nullable("string", "The key it was sent with."),
                    ["created_at"] = Nullable("string", "When the API accepted it (ISO 8601)."),
                },
                "id",
                "message"),
        },
        "messages");

    internal override async Task<JsonObject> InvokeAsync(ToolArguments arguments, ToolCall call, CancellationToken cancellationToken)
    {
        var messages = await context.Client.ListMessagesAsync(cancellationToken).ConfigureAwait(false);
        var redactor = context.Redactor;
        var items = new JsonArray();
        foreach (var sent in messages)
        {
            items.Add((JsonNode)new JsonObject
            {
                ["id"] = redactor.Redact(sent.Id),
                ["type"] = sent.Type switch
                {
                    PushNotifiRecipientType.User => Recipients.User,
                    PushNotifiRecipientType.Group => Recipients.Group,
                    _ => null,
                },
                ["title"] = sent.Title is null ? null : redactor.Redact(sent.Title),
                ["message"] = redactor.Redact(sent.Message),
                ["priority"] = sent.Priority is { } p ? (int)p : null,
                ["idempotency_key"] = sent.IdempotencyKey is null ? null : redactor.Redact(sent.IdempotencyKey),
                ["created_at"] = IsoDate(sent.CreatedAt),
            });
        }

        return new JsonObject { ["messages"] = items };
    }
}
