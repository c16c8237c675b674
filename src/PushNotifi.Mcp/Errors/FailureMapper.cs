using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace PushNotifi.Mcp.Errors;

/// <summary>Turns the runtime client's exceptions into the upstream's error codes and details.</summary>
internal static class FailureMapper
{
    /// <summary>Maps <paramref name="exception"/>; every message passes through <paramref name="redactor"/> again, belt and braces.</summary>
    /// <param name="exception">What the runtime client threw.</param>
    /// <param name="redactor">The client's redactor.</param>
    /// <param name="capacityPerMinute">The send budget, reported with <see cref="ToolErrorCode.RateLimited"/>.</param>
    /// <param name="callBudget">A timeout this long or longer is the whole call's, hence <see cref="ToolErrorCode.Timeout"/>.</param>
    internal static ToolFailure Map(PushNotifiException exception, Redactor redactor, int capacityPerMinute, TimeSpan callBudget)
    {
        var message = redactor.Redact(exception.Message);
        switch (exception)
        {
            case PushNotifiValidationException invalid:
                return ToolFailure.InvalidArgument(invalid.Field, message);

            case PushNotifiRateLimitExceededException limited:
                return new ToolFailure(ToolErrorCode.RateLimited, message, new JsonObject
                {
                    ["retry_after_ms"] = Milliseconds(limited.RetryAfter ?? TimeSpan.FromMinutes(1.0 / capacityPerMinute)),
                    ["capacity_per_minute"] = capacityPerMinute,
                });

            case { StatusCode: { } status }:
                var details = new JsonObject { ["status"] = status, ["body"] = Body(exception.Body, redactor) };
                if (status == 429 && exception.RetryAfter is { } wait)
                {
                    details["retry_after_ms"] = Milliseconds(wait);
                }

                return new ToolFailure(ToolErrorCode.ApiError, message, details);

            default:
                return WholeCallTimedOut(exception, callBudget)
                    ? new ToolFailure(ToolErrorCode.Timeout, message, new JsonObject { ["timeout_ms"] = Milliseconds(callBudget) })
                    : new ToolFailure(ToolErrorCode.NetworkError, message);
        }
    }

    private static long Milliseconds(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);

    /// <summary>The outer Polly timeout carries the call's whole budget; a single request's is shorter and counts as a network error.</summary>
    private static bool WholeCallTimedOut(Exception exception, TimeSpan callBudget)
    {
        for (var cause = exception.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is TimeoutRejectedException rejected && rejected.Timeout >= callBudget)
            {
                return true;
            }
        }

        return false;
    }

    private static JsonNode? Body(object? body, Redactor redactor) => body switch
    {
        JsonElement element => JsonNode.Parse(redactor.Redact(element.GetRawText())),
        string text => JsonValue.Create(redactor.Redact(text)),
        _ => null,
    };
}
