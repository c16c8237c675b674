using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PushNotifi.Sandbox.Api;
using PushNotifi.Sandbox.Hosting;

namespace PushNotifi.Sandbox.Inspection;

/// <summary>
/// The <c>/sandbox</c> inspection API for tests and demos. Keys and the webhook token are shown only
/// as <c>…</c> plus their last 4 characters. Not authenticated: the sandbox binds to loopback.
/// </summary>
internal static class InspectionEndpoints
{
    public static void MapInspection(this IEndpointRouteBuilder app, SandboxState state)
    {
        var sandbox = app.MapGroup("/sandbox");

        sandbox.MapGet("/notifications", IResult (string? limit, string? before) =>
            TryPage(limit, before, "n_", out var page, out var invalid)
                ? TypedResults.Json(
                    Redacted(state, page is { } p ? state.Store.NotificationsPage(p.Before, p.Limit) : state.Store.Notifications),
                    InspectionJsonContext.Readable.IReadOnlyListCapturedNotification)
                : invalid);
        sandbox.MapDelete("/notifications", IResult () =>
        {
            state.Store.Clear();
            return TypedResults.NoContent();
        });
        sandbox.MapGet("/requests", IResult (string? limit, string? before) =>
            TryPage(limit, before, string.Empty, out var page, out var invalid)
                ? TypedResults.Json(
                    Redacted(state, page is { } p ? state.Store.RequestsPage(p.Before, p.Limit) : state.Store.Requests),
                    InspectionJsonContext.Readable.IReadOnlyListRequestView)
                : invalid);
        sandbox.MapPost("/alerts/{alertId}/ack", Task<IResult> (HttpContext context, string alertId) => AckAsync(context, state, alertId));
        sandbox.MapGet("/team", IResult () =>
            TypedResults.Json(TeamView.Of(state.Secrets), InspectionJsonContext.Readable.TeamView));
        sandbox.MapGet("/keys", IResult () =>
            TypedResults.Json<IReadOnlyList<KeyListing>>([.. state.Keys.All().Select(KeyListing.Of)], InspectionJsonContext.Readable.IReadOnlyListKeyListing));
        sandbox.MapGet("/faults", IResult () => Pending(state));
        sandbox.MapPost("/faults", Task<IResult> (HttpContext context) => AddFaultAsync(context, state));
        sandbox.MapDelete("/faults", IResult () =>
        {
            state.Faults.Clear();
            return Pending(state);
        });
    }

    /// <summary>The inbox page's buttons: the API's validated ack, by device <c>sandbox-web</c>, without a key.</summary>
    private static async Task<IResult> AckAsync(HttpContext context, SandboxState state, string alertId)
    {
        if (InspectionAckRequest.Parse(await ReadBodyAsync(context), out var invalid) is not { } request)
        {
            return Invalid(invalid!);
        }

        var outcome = request.As is { } member
            ? AlertAcks.AckAs(state, alertId, member, request.Response, request.Comment)
            : AlertAcks.Ack(state, alertId, account: null, new AckRequest(AlertAcks.WebDeviceId, request.Response, request.Comment));
        if (outcome.Notification is not { } acked)
        {
            return TypedResults.Json(
                new InspectionError(outcome.Error!.Message, outcome.Error.Field) { Allowed = outcome.Error.Allowed },
                InspectionJsonContext.Readable.InspectionError,
                statusCode: outcome.StatusCode);
        }

        var message = outcome.AlreadyAcked ? AckAnswer.AlreadyAckedMessage : AckAnswer.AckedMessage;
        return TypedResults.Json(
            new InspectionAckAnswer(message, outcome.AlreadyAcked, NotificationView.Redact(state.Secrets, acked)),
            InspectionJsonContext.Readable.InspectionAckAnswer);
    }

    private static async Task<IResult> AddFaultAsync(HttpContext context, SandboxState state)
    {
        if (FaultRequest.Parse(await ReadBodyAsync(context), out var invalid) is not { } request)
        {
            return Invalid(invalid!);
        }

        if (!SandboxFault.TryParseKind(request.Kind, out var kind))
        {
            return Invalid("kind", "kind must be one of error, rate_limit, delay, drop.");
        }

        var count = request.Count ?? 1;
        if (count < 1)
        {
            return Invalid("count", "count must be at least 1.");
        }

        switch (kind)
        {
            case SandboxFaultKind.Error:
                var status = request.Status ?? 500;
                if (status is < 400 or > 599)
                {
                    return Invalid("status", "status must be 400-599.");
                }

                state.Faults.FailNext(count, status);
                break;
            case SandboxFaultKind.RateLimit:
                var retryAfter = request.RetryAfterSeconds ?? 1;
                if (retryAfter < 0 || double.IsNaN(retryAfter) || retryAfter > 86_400)
                {
                    return Invalid("retryAfterSeconds", "retryAfterSeconds must be 0-86400.");
                }

                state.Faults.RateLimitNext(count, TimeSpan.FromSeconds(retryAfter));
                break;
            case SandboxFaultKind.Delay:
                if (request.DelayMs is not { } delayMs || delayMs < 0)
                {
                    return Invalid("delayMs", "delayMs is required and must not be negative.");
                }

                state.Faults.DelayNext(count, TimeSpan.FromMilliseconds(delayMs));
                break;
            default:
                state.Faults.DropNext(count);
                break;
        }

        return Pending(state);
    }

    // The bytes as sent, so invalid UTF-8 is found and named by JsonFields rather than replaced.
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>
    /// Reads <c>?limit=&amp;before=</c>: no page (everything kept) when neither is given; else up to <c>limit</c>
    /// (default 50) of the newest entries below <c>before</c> (an id such as <c>n_40</c>, or its number).
    /// </summary>
    private static bool TryPage(string? limit, string? before, string idPrefix, out (long? Before, int Limit)? page, [NotNullWhen(false)] out IResult? invalid)
    {
        page = null;
        invalid = null;
        if (limit is null && before is null)
        {
            return true;
        }

        var count = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > SandboxLimits.PageMaxLimit))
        {
            invalid = Invalid("limit", $"limit must be a whole number from 1 to {SandboxLimits.PageMaxLimit}.");
            return false;
        }

        long? below = null;
        if (before is not null)
        {
            var number = idPrefix.Length > 0 && before.StartsWith(idPrefix, StringComparison.Ordinal) ? before[idPrefix.Length..] : before;
            if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                invalid = Invalid("before", idPrefix.Length > 0
                    ? $"before must be a notification id such as {idPrefix}40 (the oldest one shown), or its number."
                    : "before must be a request sequence number (the oldest one shown).");
                return false;
            }

            below = parsed;
        }

        page = (below, count);
        return true;
    }

    private static JsonHttpResult<FaultsResponse> Pending(SandboxState state) =>
        TypedResults.Json(new FaultsResponse([.. state.Faults.Pending.Select(FaultView.From)]), InspectionJsonContext.Readable.FaultsResponse);

    private static JsonHttpResult<InspectionError> Invalid(ApiError error) => Invalid(error.Field ?? "body", error.Message);

    private static JsonHttpResult<InspectionError> Invalid(string field, string message) =>
        TypedResults.Json(new InspectionError(message, field), InspectionJsonContext.Readable.InspectionError, statusCode: StatusCodes.Status400BadRequest);

    private static CapturedNotification[] Redacted(SandboxState state, IReadOnlyList<CapturedNotification> notifications) =>
        [.. notifications.Select(n => NotificationView.Redact(state.Secrets, n))];

    private static RequestView[] Redacted(SandboxState state, IReadOnlyList<SandboxRequest> requests) =>
        [.. requests.Select(r => RequestView.Redact(state.Secrets, r))];
}
