using System.Globalization;

namespace PushNotifi.Mcp.Startup;

/// <summary>
/// What the server reads from the environment, once, at start. The upstream's rules: no
/// <c>PUSHNOTIFI_USER_KEY</c>, a base URL that is not <c>http://</c> or <c>https://</c>, or a rate limit that is not a
/// positive integer stops the start (exit code 1, one line on stderr); trailing slashes of the URL are dropped.
/// </summary>
internal sealed record McpSettings
{
    internal const int DefaultRateLimitPerMinute = 30;

    internal required string UserKey { get; init; }

    internal string? GroupKey { get; init; }

    internal string? ApplicationKey { get; init; }

    /// <summary>Read only so that the redactor knows it: the MCP server never uses the webhook.</summary>
    internal string? WebhookToken { get; init; }

    internal string ApiBaseUrl { get; init; } = PushNotifiOptions.DefaultApiBaseUrl;

    internal int RateLimitPerMinute { get; init; } = DefaultRateLimitPerMinute;

    /// <summary>One HTTP request's limit, as upstream: past it the call is a <c>NETWORK_ERROR</c>.</summary>
    internal TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One tool call's limit, retries included: past it the call is a <c>TIMEOUT</c>.</summary>
    internal TimeSpan CallBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a send that carries an idempotency key (always, here), after a network error, 429 or 5xx.</summary>
    internal int MaxRetries { get; init; } = 2;

    /// <summary>The first pause before a retry; Pushover's rules ask for at least 5 s after a 5xx.</summary>
    internal TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a repeated <c>pushnotifi_request_ack</c> returns the first call's alert instead of paging again.</summary>
    internal TimeSpan AskRetryWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads the settings; null and a one-line <paramref name="problem"/> when the server must not start.</summary>
    internal static McpSettings? Read(Func<string, string?> getVariable, out string? problem)
    {
        var userKey = Value(getVariable, PushNotifiEnvironmentVariables.UserKey);
        if (userKey is null)
        {
            problem = $"{PushNotifiEnvironmentVariables.UserKey} is not set; set it to your PushNotifi user key.";
            return null;
        }

        var baseUrl = Value(getVariable, PushNotifiEnvironmentVariables.ApiBaseUrl) ?? PushNotifiOptions.DefaultApiBaseUrl;
        if (!baseUrl.StartsWith("http://", StringComparison.Ordinal) && !baseUrl.StartsWith("https://", StringComparison.Ordinal))
        {
            problem = $"{PushNotifiEnvironmentVariables.ApiBaseUrl} must start with http:// or https://.";
            return null;
        }

        var rate = DefaultRateLimitPerMinute;
        if (Value(getVariable, PushNotifiEnvironmentVariables.RateLimitPerMinute) is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out rate) || rate <= 0))
        {
            problem = $"{PushNotifiEnvironmentVariables.RateLimitPerMinute} must be a positive integer (default {DefaultRateLimitPerMinute}).";
            return null;
        }

        problem = null;
        return new McpSettings
        {
            UserKey = userKey,
            GroupKey = Value(getVariable, PushNotifiEnvironmentVariables.GroupKey),
            ApplicationKey = Value(getVariable, PushNotifiEnvironmentVariables.ApplicationKey),
            WebhookToken = Value(getVariable, PushNotifiEnvironmentVariables.WebhookToken),
            ApiBaseUrl = baseUrl.TrimEnd('/'),
            RateLimitPerMinute = rate,
        };
    }

    /// <summary>The runtime client's options: its token bucket refuses at once, and its timeouts are the upstream's.</summary>
    internal PushNotifiOptions ToClientOptions() => new()
    {
        UserKey = UserKey,
        GroupKey = GroupKey,
        ApplicationKey = ApplicationKey,
        WebhookToken = WebhookToken,
        ApiBaseUrl = ApiBaseUrl,
        RateLimitPerMinute = RateLimitPerMinute,
        RateLimitQueueTimeout = TimeSpan.Zero,
        AttemptTimeout = RequestTimeout,
        RetryTotalTimeout = CallBudget,
        MaxRetryAttempts = MaxRetries,
        RetryBaseDelay = RetryBaseDelay,
    };

    /// <summary>The line written to stderr at start: the key only as its last four characters.</summary>
    internal string StartupLine(string version) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"pushnotifi MCP server {version} on stdio: key {Redactor.LastFour(UserKey)}, group {(GroupKey is null ? "(none)" : Redactor.LastFour(GroupKey))}, API {ApiBaseUrl}, {RateLimitPerMinute} sends a minute");

    private static string? Value(Func<string, string?> getVariable, string name) =>
        getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
