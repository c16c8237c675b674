using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PushNotifi.Sandbox.Hosting;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Api;

/// <summary>The <c>/api/v1</c> endpoints of the wire contract.</summary>
internal static class ApiEndpoints
{
    public static void MapApi(this IEndpointRouteBuilder app, SandboxState state, ILogger logger)
    {
        var api = app.MapGroup(ApiTrafficMiddleware.ApiPrefix);

        api.MapPost("/message", Task<IResult> (HttpContext context) => SendMessageAsync(context, state, logger));
        api.MapPost("/webhooks/incoming/{token}", (HttpContext context, string token) => ReceiveWebhookAsync(context, token, state, logger));
        // Everything but sending needs a `full` key.
        api.MapGet("/applications", (HttpContext context) => WhenAuthorized(context, state, logger, (_, _) => ListApplications(state)));
        api.MapGet("/applications/{key}", (HttpContext context, string key) => WhenAuthorized(context, state, logger, (_, _) => GetApplication(state, key)));
        api.MapGet("/groups", (HttpContext context) => WhenAuthorized(context, state, logger, (account, _) => ListGroups(state, account)));
        api.MapGet("/messages", (HttpContext context) => WhenAuthorized(context, state, logger, (_, index) => ListMessages(state, index)));
        api.MapGet("/alerts/{alertId}/status", (HttpContext context, string alertId) => WhenAuthorized(context, state, logger, (_, index) => AlertStatusOf(state, index, alertId)));
        api.MapPost("/alerts/{alertId}/ack", (HttpContext context, string alertId) => WhenAuthorized(context, state, logger, (_, index) => AckAlert(context, state, index, alertId)));
        api.MapApiKeys(state, logger);
        api.Map("/{**rest}", IResult () => Error(StatusCodes.Status404NotFound, "not_found", "No such endpoint."));
    }

    private static async Task<IResult> SendMessageAsync(HttpContext context, SandboxState state, ILogger logger)
    {
        if (ApiAuth.Authorize(context, state, logger, ApiKeyScopes.Send, out var account, out var accountIndex) is { } unauthorized)
        {
            return unauthorized;
        }

        var recorded = context.Features.Get<RecordedBody>()!;
        var body = recorded.Text;
        var request = MessageValidator.ParseMessage(recorded.Utf8, out var invalid);
        if (request is null)
        {
            return Error(StatusCodes.Status400BadRequest, invalid!);
        }

        if (!state.Secrets.IsRecipient(account, request.Type, request.SendToKey))
        {
            return Error(StatusCodes.Status404NotFound, new ApiError(
                $"Unknown {request.Type} key {SandboxSecrets.LastFour(request.SendToKey)}.", "not_found", "send_to_key"));
        }

        if (request.ApplicationKey is { } applicationKey && FindApplication(state, applicationKey) is null)
        {
            return Error(StatusCodes.Status404NotFound, new ApiError(
                $"Unknown application {SandboxSecrets.LastFour(applicationKey)}.", "not_found", "application_key"));
        }

        var apiKey = context.Request.Headers[ApiHeaders.ApiKey].ToString();
        var alert = request.Priority == SandboxLimits.EmergencyPriority;
        var (notification, duplicate) = await state.Store.DeliverAsync(id => request with
        {
            Id = id,
            ReceivedAt = state.Clock.GetUtcNow(),
            RawBody = body,
            Headers = SandboxState.CaptureHeaders(context.Request.Headers),
            ApiKeyLastFour = SandboxSecrets.LastFour(apiKey),
            Account = accountIndex,
            AlertId = alert ? AlertIds.New() : null,
        }, apiKey);

        return Accepted(context, logger, notification, duplicate, "api", request.Type, request.SendToKey);
    }

    private static async Task<IResult> ReceiveWebhookAsync(HttpContext context, string token, SandboxState state, ILogger logger)
    {
        if (ApiAuth.AuthorizeWebhook(context, state, logger, token) is { } unauthorized)
        {
            return unauthorized;
        }

        var recorded = context.Features.Get<RecordedBody>()!;
        var body = recorded.Text;
        var parsed = MessageValidator.ParseWebhook(recorded.Utf8, out var invalid);
        if (parsed is not { } webhook)
        {
            return Error(StatusCodes.Status400BadRequest, invalid!);
        }

        var (notification, duplicate) = await state.Store.DeliverAsync(id => new CapturedNotification
        {
            Id = id,
            ReceivedAt = state.Clock.GetUtcNow(),
            Source = "webhook",
            Type = "group",
            SendToKey = state.Secrets.GroupKey,
            Message = webhook.Message,
            Title = webhook.Title,
            RawBody = body,
            Headers = SandboxState.CaptureHeaders(context.Request.Headers),
            Account = 0,
        });

        return Accepted(context, logger, notification, duplicate, "webhook", "group", state.Secrets.GroupKey);
    }

    private static JsonHttpResult<ApplicationsResponse> ListApplications(SandboxState state) =>
        TypedResults.Json(new ApplicationsResponse("OK", Applications(state)), WireJsonContext.Default.ApplicationsResponse);

    private static IResult GetApplication(SandboxState state, string key) =>
        FindApplication(state, key) is { } application
            ? (IResult)TypedResults.Json(new ApplicationResponse("OK", application), WireJsonContext.Default.ApplicationResponse)
            : Error(StatusCodes.Status404NotFound, new ApiError($"Unknown application {SandboxSecrets.LastFour(key)}.", "not_found", "application_key"));

    // The real API answers both lists as bare JSON arrays.
    private static JsonHttpResult<IReadOnlyList<GroupInfo>> ListGroups(SandboxState state, string account)
    {
        GroupInfo[] groups = state.Secrets.GroupKeyOf(account) is { } group ? [new GroupInfo(group, "Sandbox group")] : [];
        if (state.Secrets.TeamGroupKey is { } team && string.Equals(account, state.Secrets.UserKey, StringComparison.Ordinal))
        {
            groups = [.. groups, new GroupInfo(team, "Sandbox team")];
        }

        return TypedResults.Json<IReadOnlyList<GroupInfo>>(groups, WireJsonContext.Default.IReadOnlyListGroupInfo);
    }

    private static JsonHttpResult<IReadOnlyList<SentMessageInfo>> ListMessages(SandboxState state, int account)
    {
        var messages = state.Store.Notifications
            .Where(n => n.Account == account)
            .Select(n => new SentMessageInfo(n.Id, n.Type, n.Title, n.Message, n.Priority ?? 0, n.IdempotencyKey, n.ReceivedAt))
            .ToArray();
        return TypedResults.Json<IReadOnlyList<SentMessageInfo>>(messages, WireJsonContext.Default.IReadOnlyListSentMessageInfo);
    }

    private static IResult AlertStatusOf(SandboxState state, int account, string alertId) =>
        state.Store.FindAlert(alertId, account) is { } alert
            ? TypedResults.Json(AlertStatus.Of(alert), WireJsonContext.Default.AlertStatus)
            : Error(StatusCodes.Status404NotFound, AlertAcks.UnknownAlert(alertId));

    private static IResult AckAlert(HttpContext context, SandboxState state, int account, string alertId)
    {
        if (state.Store.FindAlert(alertId, account) is null)
        {
            return Error(StatusCodes.Status404NotFound, AlertAcks.UnknownAlert(alertId));
        }

        var request = MessageValidator.ParseAck(context.Features.Get<RecordedBody>()!.Utf8, out var invalid);
        if (request is null)
        {
            return Error(StatusCodes.Status400BadRequest, invalid!);
        }

        var outcome = AlertAcks.Ack(state, alertId, account, request);
        return outcome.Notification is { } acked
            ? TypedResults.Json(AckAnswer.Of(acked, outcome.AlreadyAcked), WireJsonContext.Default.AckAnswer)
            : Error(outcome.StatusCode, outcome.Error!);
    }

    private static ApplicationInfo[] Applications(SandboxState state)
    {
        var defaultApp = new ApplicationInfo(SandboxOptions.DefaultApplicationKey, "Sandbox default application", true);
        return state.Secrets.ApplicationKey is { } key && key != SandboxOptions.DefaultApplicationKey
            ? [defaultApp, new ApplicationInfo(key, "Sandbox application", false)]
            : [defaultApp];
    }

    private static ApplicationInfo? FindApplication(SandboxState state, string key) =>
        Applications(state).FirstOrDefault(a => SandboxSecrets.Matches(a.ApplicationKey, key));

    // The handler gets the account's user key (its recipient) and its number (what captures are scoped by).
    private static IResult WhenAuthorized(HttpContext context, SandboxState state, ILogger logger, Func<string, int, IResult> handle) =>
        ApiAuth.Authorize(context, state, logger, ApiKeyScopes.Full, out var account, out var index) is { } denied ? denied : handle(account, index);

    private static JsonHttpResult<MessageAccepted> Accepted(HttpContext context, ILogger logger, CapturedNotification notification, bool duplicate, string source, string type, string? sendToKey)
    {
        if (!duplicate)
        {
            // Shown with this request's row, in one event (ApiTrafficMiddleware).
            context.Features.Set(new DeliveredNotification(notification));
        }

        SandboxLog.Delivered(logger, duplicate ? "Duplicate of" : "Delivered", notification.Id, source, type, SandboxSecrets.LastFour(sendToKey));
        var message = duplicate ? "Duplicate idempotency_key: already delivered." : "Notification accepted.";
        return TypedResults.Json(new MessageAccepted(message, notification.Id, duplicate, notification.AlertId), WireJsonContext.Default.MessageAccepted);
    }

    private static JsonHttpResult<ApiError> Error(int status, string code, string message) => ApiResults.Error(status, code, message);

    private static JsonHttpResult<ApiError> Error(int status, ApiError error) => ApiResults.Error(status, error);
}
