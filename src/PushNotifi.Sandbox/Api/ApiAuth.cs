using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PushNotifi.Sandbox.Hosting;
using PushNotifi.Sandbox.Keys;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Api;

/// <summary>
/// Checks <c>X-API-Key</c> for an endpoint: the failed-auth lockout first, then the key (hashed, constant time),
/// then its scope. Refused keys are logged only as a fingerprint; successes update <c>last_used_at</c>. Wrong
/// inbound-webhook tokens count toward the same limit.
/// </summary>
internal static class ApiAuth
{
    /// <summary>
    /// The key record the request's <c>X-API-Key</c> matches (active or revoked), or null: looked up once per request
    /// (the traffic log and the endpoint both ask).
    /// </summary>
    public static ApiKeyRecord? Match(HttpContext context, SandboxState state)
    {
        if (context.Features.Get<MatchedApiKey>() is { } matched)
        {
            return matched.Record;
        }

        var values = context.Request.Headers[ApiHeaders.ApiKey];
        var record = values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? state.Keys.Match(values[0]!) : null;
        context.Features.Set(new MatchedApiKey(record));
        return record;
    }

    /// <summary>
    /// Null when <paramref name="token"/> is the webhook token, else the answer: 429 while the address is locked out,
    /// 401 for a wrong token, which counts as a failed authentication and is logged only as a fingerprint.
    /// </summary>
    public static IResult? AuthorizeWebhook(HttpContext context, SandboxState state, ILogger logger, string token)
    {
        var address = Address(context);
        if (state.FailedAuth.IsLockedOut(address))
        {
            return LockedOut(context);
        }

        if (!SandboxSecrets.Matches(state.Secrets.WebhookToken, token))
        {
            SandboxLog.RefusedWebhookToken(logger, address, state.Keys.Hasher.Fingerprint(token));
            return Failed(state, logger, address, "Unknown webhook token.");
        }

        return null;
    }

    /// <summary>Null when the key may call the endpoint (<paramref name="account"/> is then its account's user key), else the answer.</summary>
    public static IResult? Authorize(HttpContext context, SandboxState state, ILogger logger, string requiredScope, out string account, out int accountIndex)
    {
        account = string.Empty;
        accountIndex = -1;
        var address = Address(context);
        if (state.FailedAuth.IsLockedOut(address))
        {
            return LockedOut(context);
        }

        var headers = context.Request.Headers;
        if (!headers.TryGetValue(ApiHeaders.ApiKey, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Refuse(state, logger, address, fingerprint: "none", "Missing X-API-Key header.");
        }

        var presented = values[0]!;
        var record = Match(context, state);
        if (record is not { Active: true })
        {
            return Refuse(state, logger, address, state.Keys.Hasher.Fingerprint(presented), record is null
                ? "Invalid X-API-Key."
                : $"The X-API-Key ({record.LastFour}, {record.Id}) was revoked.");
        }

        if (state.Secrets.AccountKey(record.Account) is not { } accountKey)
        {
            // A key kept in a data file for an extra account this run was not started with.
            return Refuse(state, logger, address, state.Keys.Hasher.Fingerprint(presented),
                $"The X-API-Key ({record.LastFour}, {record.Id}) belongs to an account this sandbox was not started with.");
        }

        if (!ApiKeyScopes.Allows(record.Scope, requiredScope))
        {
            // Authenticated: a scope refusal is not a failed authentication and is not counted.
            return ApiResults.Error(StatusCodes.Status403Forbidden, new ApiError(
                $"This API key ({record.LastFour}) has scope '{record.Scope}'; {context.Request.Method} {context.Request.Path} needs scope '{requiredScope}'.",
                ApiErrorCodes.InsufficientScope)
            { RequiredScope = requiredScope });
        }

        state.Keys.Touch(record);
        accountIndex = record.Account;
        account = accountKey;
        return null;
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ApiError> LockedOut(HttpContext context)
    {
        context.Response.Headers.RetryAfter = SandboxLimits.FailedAuthRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ApiResults.Error(StatusCodes.Status429TooManyRequests, new ApiError(
            $"Too many failed authentications from this address: at most {SandboxLimits.FailedAuthPerMinute} a minute. Retry after {SandboxLimits.FailedAuthRetryAfterSeconds} s.",
            ApiErrorCodes.RateLimited));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ApiError> Refuse(SandboxState state, ILogger logger, string address, string fingerprint, string message)
    {
        SandboxLog.Refused(logger, address, fingerprint);
        return Failed(state, logger, address, message);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ApiError> Failed(SandboxState state, ILogger logger, string address, string message)
    {
        if (state.FailedAuth.RecordFailure(address))
        {
            SandboxLog.LockedOut(logger, address, SandboxLimits.FailedAuthPerMinute, SandboxLimits.FailedAuthRetryAfterSeconds);
        }

        return ApiResults.Error(StatusCodes.Status401Unauthorized, new ApiError(message, ApiErrorCodes.Unauthorized));
    }
}

/// <summary>The result of <see cref="ApiAuth.Match"/> for one request (null: no key, or no key matched).</summary>
internal sealed record MatchedApiKey(ApiKeyRecord? Record);
