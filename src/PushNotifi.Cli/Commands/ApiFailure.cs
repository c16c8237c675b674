using System.Text.Json;

namespace PushNotifi.Cli.Commands;

/// <summary>Turns a failed call into exit code and lines for stderr. Every text passes the redactor first.</summary>
internal static class ApiFailure
{
    /// <summary>The exit code for a failed client call: the one table from failure kind to exit code (docs/cli.md).</summary>
    public static int ExitCode(PushNotifiException exception) => exception.Kind switch
    {
        PushNotifiFailureKind.Validation => ExitCodes.Usage,
        PushNotifiFailureKind.Unauthorized => ExitCodes.ApiError,
        PushNotifiFailureKind.Forbidden => ExitCodes.ApiError,
        PushNotifiFailureKind.RateLimited => ExitCodes.ApiError,
        PushNotifiFailureKind.Server => ExitCodes.ApiError,
        PushNotifiFailureKind.ApiError => ExitCodes.ApiError,
        PushNotifiFailureKind.Network => ExitCodes.Network,
        PushNotifiFailureKind.Timeout => ExitCodes.Network,
        _ => ExitCodes.ApiError,
    };

    /// <summary>Writes a failed client call to <paramref name="error"/> (network, HTTP status or other) and returns its exit code.</summary>
    /// <param name="error">Where the lines go.</param>
    /// <param name="redactor">Applied to every line.</param>
    /// <param name="exception">The failure.</param>
    /// <param name="what">Names the call, e.g. <c>Send</c>.</param>
    /// <param name="baseUrl">The base URL to name when the API could not be reached.</param>
    /// <param name="likelyCause">The likely cause of an error status, or null.</param>
    public static async Task<int> ReportAsync(TextWriter error, Redactor redactor, PushNotifiException exception, string what, string baseUrl, Func<int, string?> likelyCause)
    {
        var exitCode = ExitCode(exception);
        if (exitCode == ExitCodes.Network)
        {
            await WriteNetworkErrorAsync(error, redactor, baseUrl, exception.Message).ConfigureAwait(false);
        }
        else if (exception.StatusCode is { } status and >= 400)
        {
            await WriteHttpErrorAsync(error, redactor, what, status, exception.Body, likelyCause(status)).ConfigureAwait(false);
        }
        else
        {
            // Validation, configuration, or an answer that breaks the contract (e.g. a 200 without alert_id).
            await error.WriteLineAsync(redactor.Redact(exception.Message)).ConfigureAwait(false);
        }

        return exitCode;
    }

    /// <summary>The API's <c>message</c> and <c>error</c> from an error body, when it was JSON.</summary>
    public static (string? Message, string? Error) ReadErrorBody(object? body)
    {
        if (body is JsonElement { ValueKind: JsonValueKind.Object } element)
        {
            return (Text(element, "message"), Text(element, "error"));
        }

        if (body is string text && text.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return ReadErrorBody(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                return (text, null);
            }
        }

        return (null, null);
    }

    /// <summary>Writes the status, the API's error and the likely cause of an HTTP error answer.</summary>
    public static async Task WriteHttpErrorAsync(TextWriter error, Redactor redactor, string what, int status, object? body, string? likelyCause)
    {
        var (message, code) = ReadErrorBody(body);
        await error.WriteLineAsync(redactor.Redact($"{what} failed: HTTP {status}.")).ConfigureAwait(false);
        if (message is not null || code is not null)
        {
            await error.WriteLineAsync(redactor.Redact($"API error: {message ?? "(no message)"}{(code is null ? string.Empty : $" ({code})")}")).ConfigureAwait(false);
        }

        if (likelyCause is not null)
        {
            await error.WriteLineAsync("Likely cause: " + likelyCause).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a network failure: the error and the base URL that could not be reached.</summary>
    public static async Task WriteNetworkErrorAsync(TextWriter error, Redactor redactor, string baseUrl, string errorText)
    {
        await error.WriteLineAsync(redactor.Redact($"Error: {errorText}")).ConfigureAwait(false);
        await error.WriteLineAsync(redactor.Redact($"Could not reach {baseUrl}. Check connectivity (and PUSHNOTIFI_API_BASE_URL).")).ConfigureAwait(false);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
