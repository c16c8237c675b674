using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PushNotifi.Sandbox;

/// <summary>
/// Checks <c>X-API-Key</c> for an endpoint: the failed-auth lockout first, then the key (hashed, constant time),
/// then its scope. Refused keys are logged only as a fingerprint; successes update <c>last_used_at</c>.
/// </summary>
internal static class ApiAuth
{
    /// <summary>Null when the key may call the endpoint (<paramref name="account"/> is then its account's user key), else the answer.</summary>
    public static IResult? Authorize(HttpContext context, SandboxState state, ILogger logger, string requiredScope, out string account, out int accountIndex)
    {
        account = string.Empty;
        accountIndex = -1;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (state.FailedAuth.IsLockedOut(address))
        {
            context.Response.Headers.RetryAfter = SandboxLimits.FailedAuthRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return ApiResults.Error(StatusCodes.Status429TooManyRequests, new ApiError(
                $"Too many failed authentications from this address: at most {SandboxLimits.FailedAuthPerMinute} a minute. Retry after {SandboxLimits.FailedAuthRetryAfterSeconds} s.",
                ApiErrorCodes.RateLimited));
        }

        var headers = context.Request.Headers;
        if (!headers.TryGetValue(ApiHeaders.ApiKey, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Refuse(state, logger, address, fingerprint: "none", "Missing X-API-Key header.");
        }

        var presented = values[0]!;
        var record = values.Count == 1 ? state.Keys.Match(presented) : null;
        if (record is not { Active: true })
        {
            return Refuse(state, logger, address, state.Keys.Hasher.Fingerprint(presented), record is null
                ? "Invalid X-API-Key."
                : $"The X-API-Key ({record.LastFour}, {record.Id}) was revoked.");
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
        account = state.Secrets.AccountKey(record.Account);
        return null;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ApiError> Refuse(SandboxState state, ILogger logger, string address, string fingerprint, string message)
    {
        SandboxLog.Refused(logger, address, fingerprint);
        if (state.FailedAuth.RecordFailure(address))
        {
            SandboxLog.LockedOut(logger, address, SandboxLimits.FailedAuthPerMinute, SandboxLimits.FailedAuthRetryAfterSeconds);
        }

        return ApiResults.Error(StatusCodes.Status401Unauthorized, new ApiError(message, ApiErrorCodes.Unauthorized));
    }
}
