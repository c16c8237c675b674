using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PushNotifi.Sandbox.Hosting;

namespace PushNotifi.Sandbox.Api;

/// <summary>
/// <c>/api/v1/api-keys</c>: the account API-key lifecycle, for <c>full</c> keys only. The full key appears in
/// the answer to create and rotate, once; lists show ids, labels, scopes, dates and the last 4 characters.
/// </summary>
internal static class KeyEndpoints
{
    public static void MapApiKeys(this RouteGroupBuilder api, SandboxState state, ILogger logger)
    {
        api.MapGet("/api-keys", (HttpContext context) => Authorized(context, state, logger, account => List(state, account)));
        api.MapPost("/api-keys", (HttpContext context) => Authorized(context, state, logger, account => Create(context, state, account)));
        api.MapPost("/api-keys/{id}/rotate", (HttpContext context, string id) => Authorized(context, state, logger, account => Rotate(state, account, id)));
        api.MapDelete("/api-keys/{id}", (HttpContext context, string id) => Authorized(context, state, logger, account => Revoke(state, account, id)));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ApiKeyList> List(SandboxState state, int account)
    {
        var keys = state.Keys.List(account);
        return TypedResults.Json(
            new ApiKeyList([.. keys.Select(ApiKeyView.Of)], keys.Count(k => k.Active), SandboxLimits.MaxActiveApiKeys),
            WireJsonContext.Default.ApiKeyList);
    }

    private static IResult Create(HttpContext context, SandboxState state, int account)
    {
        if (MessageValidator.ParseApiKeyCreate(context.Features.Get<RecordedBody>()!.Utf8, out var invalid) is not { } request)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, invalid!);
        }

        var scope = request.Scope ?? ApiKeyScopes.Send;
        if (!ApiKeyScopes.IsKnown(scope))
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, new ApiError($"scope must be '{ApiKeyScopes.Send}' or '{ApiKeyScopes.Full}'.", "invalid_request", "scope"));
        }

        var label = request.Label?.Trim();
        if (label is { Length: > SandboxLimits.ApiKeyLabelMaxLength })
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, new ApiError($"label must be at most {SandboxLimits.ApiKeyLabelMaxLength} characters.", "invalid_request", "label"));
        }

        if (state.Keys.Create(account, string.IsNullOrEmpty(label) ? "API key" : label, scope) is not { } created)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, new ApiError(
                $"This account already has {SandboxLimits.MaxActiveApiKeys} active API keys: revoke or rotate one.", "key_limit_reached"));
        }

        return TypedResults.Json(
            new ApiKeyIssued(Issued, created.Key, ApiKeyView.Of(created.Record)),
            WireJsonContext.Default.ApiKeyIssued,
            statusCode: StatusCodes.Status201Created);
    }

    private static IResult Rotate(SandboxState state, int account, string id)
    {
        if (state.Keys.Rotate(account, id) is not { } rotated)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, new ApiError($"No active API key {id} in this account.", "not_found", "id"));
        }

        return TypedResults.Json(
            new ApiKeyIssued(Issued + $" {rotated.Revoked.Id} is revoked.", rotated.Key, ApiKeyView.Of(rotated.Record), ApiKeyView.Of(rotated.Revoked)),
            WireJsonContext.Default.ApiKeyIssued);
    }

    private static IResult Revoke(SandboxState state, int account, string id)
    {
        if (state.Keys.Revoke(account, id) is not { } revoked)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, new ApiError($"No API key {id} in this account.", "not_found", "id"));
        }

        return TypedResults.Json(new ApiKeyRevoked("Revoked; it is refused from now on.", ApiKeyView.Of(revoked)), WireJsonContext.Default.ApiKeyRevoked);
    }

    private const string Issued = "Store this key now: it is shown only once.";

    private static IResult Authorized(HttpContext context, SandboxState state, ILogger logger, Func<int, IResult> handle) =>
        ApiAuth.Authorize(context, state, logger, ApiKeyScopes.Full, out _, out var account) is { } denied ? denied : handle(account);
}
