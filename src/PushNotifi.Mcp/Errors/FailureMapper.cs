using System.Text.Json;
using System.Text.Json.Nodes;

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

        // The one table from failure kind to error code (docs/mcp.md, Errors).
        return exception.Kind switch
        {
            PushNotifiFailureKind.Validation => ToolFailure.InvalidArgument(FieldOf(exception), message),

            // The server's own bucket had no token: nothing was sent. A 429 from the API is API_ERROR, as upstream.
            PushNotifiFailureKind.RateLimited when exception.StatusCode is null => new ToolFailure(ToolErrorCode.RateLimited, message, new JsonObject
            {
                ["retry_after_ms"] = Milliseconds(exception.RetryAfter ?? TimeSpan.FromMinutes(1.0 / capacityPerMinute)),
                ["capacity_per_minute"] = capacityPerMinute,
            }),
            PushNotifiFailureKind.RateLimited => ApiError(exception, message, redactor),
            PushNotifiFailureKind.Unauthorized => ApiError(exception, message, redactor),
            PushNotifiFailureKind.Forbidden => ApiError(exception, message, redactor),
            PushNotifiFailureKind.Server => ApiError(exception, message, redactor),
            PushNotifiFailureKind.ApiError => ApiError(exception, message, redactor),
            PushNotifiFailureKind.Timeout => new ToolFailure(ToolErrorCode.Timeout, message, new JsonObject { ["timeout_ms"] = Milliseconds(callBudget) }),
            _ => new ToolFailure(ToolErrorCode.NetworkError, message),
        };
    }

    private static ToolFailure ApiError(PushNotifiException exception, string message, Redactor redactor)
    {
        var details = new JsonObject { ["status"] = exception.StatusCode, ["body"] = Body(exception.Body, redactor) };
        if (exception.StatusCode == 429 && exception.RetryAfter is { } wait)
        {
            details["retry_after_ms"] = Milliseconds(wait);
        }

        return new ToolFailure(ToolErrorCode.ApiError, message, details);
    }

    private static string FieldOf(PushNotifiException exception) => exception switch
    {
        PushNotifiValidationException invalid => invalid.Field,
        PushNotifiConfigurationException configuration => configuration.VariableName,
        _ => string.Empty,
    };

    private static long Milliseconds(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);

    private static JsonNode? Body(object? body, Redactor redactor) => body switch
    {
        JsonElement element => JsonNode.Parse(redactor.Redact(element.GetRawText())),
        string text => JsonValue.Create(redactor.Redact(text)),
        _ => null,
    };
}
