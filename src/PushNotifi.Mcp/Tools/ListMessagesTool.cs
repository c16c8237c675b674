using System.Text.Json.Nodes;

namespace PushNotifi.Mcp.Tools;

/// <summary><c>pushnotifi_list_messages</c>: what the account sent recently.</summary>
internal sealed class ListMessagesTool(ToolContext context)
    : ListTool<PushNotifiSentMessage>(ToolName, "List sent notifications", ToolDescription, "messages")
{
    internal const string ToolName = "pushnotifi_list_messages";

    private const string ToolDescription =
        "Lists the notifications this account sent recently, newest as the API orders them. Use it to check whether "
        + "something was already sent before sending it again.";

    protected override JsonObject ItemProperties => new()
    {
        ["id"] = Typed("string", "The notification's id."),
        ["type"] = Nullable("string", "user or group."),
        ["title"] = Nullable("string", "The title."),
        ["message"] = Typed("string", "The text."),
        ["priority"] = Nullable("integer", "-2 to 2."),
        ["idempotency_key"] = Nullable("string", "The key it was sent with."),
        ["created_at"] = Nullable("string", "When the API accepted it (ISO 8601)."),
    };

    protected override string[] RequiredItemProperties => ["id", "message"];

    protected override Task<IReadOnlyList<PushNotifiSentMessage>> ListAsync(CancellationToken cancellationToken) =>
        context.Client.ListMessagesAsync(cancellationToken);

    protected override JsonObject Item(PushNotifiSentMessage value)
    {
        var redactor = context.Redactor;
        return new JsonObject
        {
            ["id"] = redactor.Redact(value.Id),
            ["type"] = value.Type switch
            {
                PushNotifiRecipientType.User => Recipients.User,
                PushNotifiRecipientType.Group => Recipients.Group,
                _ => null,
            },
            ["title"] = value.Title is null ? null : redactor.Redact(value.Title),
            ["message"] = redactor.Redact(value.Message),
            ["priority"] = value.Priority is { } p ? (int)p : null,
            ["idempotency_key"] = value.IdempotencyKey is null ? null : redactor.Redact(value.IdempotencyKey),
            ["created_at"] = IsoDate(value.CreatedAt),
        };
    }
}
