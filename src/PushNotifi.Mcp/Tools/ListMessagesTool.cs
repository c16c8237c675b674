namespace PushNotifi.Mcp.Tools;

/// <summary><c>pushnotifi_list_messages</c>: what the account sent recently.</summary>
internal sealed class ListMessagesTool(ToolContext context)
    : ListTool<PushNotifiSentMessage>(ToolName, "List sent notifications", ToolDescription, "messages")
{
    internal const string ToolName = "pushnotifi_list_messages";

    private const string ToolDescription =
        "Lists the notifications this account sent recently, newest as the API orders them. Use it to check whether "
        + "something was already sent before sending it again.";

    protected override IReadOnlyList<Column> Columns =>
    [
        new("id", Typed("string", "The notification's id."), m => context.Redactor.Redact(m.Id), Required: true),
        new("type", Nullable("string", "user or group."), m => m.Type switch
        {
            PushNotifiRecipientType.User => Recipients.User,
            PushNotifiRecipientType.Group => Recipients.Group,
            _ => null,
        }),
        new("title", Nullable("string", "The title."), m => m.Title is null ? null : context.Redactor.Redact(m.Title)),
        new("message", Typed("string", "The text."), m => context.Redactor.Redact(m.Message), Required: true),
        new("priority", Nullable("integer", "-2 to 2."), m => m.Priority is { } p ? (int)p : null),
        new("idempotency_key", Nullable("string", "The key it was sent with."), m => m.IdempotencyKey is null ? null : context.Redactor.Redact(m.IdempotencyKey)),
        new("created_at", Nullable("string", "When the API accepted it (ISO 8601)."), m => IsoDate(m.CreatedAt)),
    ];

    protected override Task<IReadOnlyList<PushNotifiSentMessage>> ListAsync(CancellationToken cancellationToken) =>
        context.Client.ListMessagesAsync(cancellationToken);
}
