using System.Globalization;
using PushNotifi.Internal;

namespace PushNotifi;

/// <summary>
/// Settings for <see cref="PushNotifiClient"/>. Build them with <see cref="FromEnvironment()"/>, bind them
/// from the <c>PushNotifi</c> configuration section, or set them in code.
/// </summary>
public sealed class PushNotifiOptions
{
    /// <summary>The configuration section that <c>AddPushNotifi(IConfiguration)</c> binds.</summary>
    public const string SectionName = "PushNotifi";

    /// <summary>The production API.</summary>
    public const string DefaultApiBaseUrl = "https://api.pushnotifi.me";

    /// <summary>The user key, sent only as the <c>X-API-Key</c> header (<c>PUSHNOTIFI_USER_KEY</c>). Required.</summary>
    public string? UserKey { get; set; }

    /// <summary>The default group for messages without a <c>SendToKey</c> (<c>PUSHNOTIFI_GROUP_KEY</c>).</summary>
    public string? GroupKey { get; set; }

    /// <summary>The application key sent when a message names none (<c>PUSHNOTIFI_APPLICATION_KEY</c>). Never invented.</summary>
    public string? ApplicationKey { get; set; }

    /// <summary>The inbound webhook token (<c>PUSHNOTIFI_WEBHOOK_TOKEN</c>); redacted like the keys.</summary>
    public string? WebhookToken { get; set; }

    /// <summary>The API base URL (<c>PUSHNOTIFI_API_BASE_URL</c>).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Client-side limit on sends per minute (<c>PUSHNOTIFI_RATE_LIMIT_PER_MINUTE</c>); null means no limit.</summary>
    public int? RateLimitPerMinute { get; set; }

    /// <summary>How long a send waits for a rate-limit permit before failing with <see cref="PushNotifiRateLimitExceededException"/>. Zero fails at once.</summary>
    public TimeSpan RateLimitQueueTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, for idempotent calls only (messages with an <c>IdempotencyKey</c>, and GETs). Zero disables retries.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay, doubled on each retry (no jitter, so never shorter), when the API gives no <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound on one call, all attempts and waits included.</summary>
    public TimeSpan RetryTotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Upper bound on one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the container's <see cref="IPushNotifiAlerter"/> waits for one alert before it gives up on it
    /// (<see cref="PushNotifiAlertStatus.TimedOut"/>); 5 seconds by default. Code with no container uses
    /// <see cref="PushNotifiAlerts.TimeBudget"/> instead.
    /// </summary>
    public TimeSpan AlertTimeBudget { get; set; } = PushNotifiAlerts.DefaultTimeBudget;

    /// <summary>
    /// How long the container's <see cref="IPushNotifiAlerter"/> keeps an alert's idempotency key claimed once sent,
    /// so that repeats are not sent again within it; 5 minutes by default, <see cref="TimeSpan.Zero"/> turns it off. An
    /// alert's own <see cref="PushNotifiAlert.SuppressionWindow"/> wins. Code with no container uses
    /// <see cref="PushNotifiAlerts.SuppressionWindow"/> instead.
    /// </summary>
    public TimeSpan AlertSuppressionWindow { get; set; } = PushNotifiAlerts.DefaultSuppressionWindow;

    /// <summary>How a wait for an answer polls (<see cref="IPushNotifiAcks.AwaitAckAsync"/>).</summary>
    public PushNotifiAckPollingOptions AckPolling { get; set; } = new();

    /// <summary>Reads the options from the process environment and validates them.</summary>
    /// <exception cref="PushNotifiConfigurationException">A variable is missing or invalid; the message names it.</exception>
    public static PushNotifiOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the options through <paramref name="getVariable"/> (e.g. a .env file, then the environment) and validates them.</summary>
    /// <exception cref="PushNotifiConfigurationException">A variable is missing or invalid; the message names it.</exception>
    public static PushNotifiOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var options = new PushNotifiOptions();
        options.FillFromEnvironment(getVariable);
        options.Validate();
        return options;
    }

    /// <summary>Checks the settings the inbound webhook needs: the token, the URL, and the retry settings (no user key).</summary>
    /// <exception cref="PushNotifiConfigurationException">A setting is missing or invalid; the message names its variable.</exception>
    public void ValidateForWebhook()
    {
        var problem = FindWebhookProblem();
        if (problem is { } p)
        {
            throw new PushNotifiConfigurationException(p.Variable, p.Message);
        }
    }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="PushNotifiConfigurationException">A setting is missing or invalid; the message names its variable.</exception>
    public void Validate()
    {
        var problem = FindProblem();
        if (problem is { } p)
        {
            throw new PushNotifiConfigurationException(p.Variable, p.Message);
        }
    }

    /// <summary>Sets each property that is still unset from the variables; used as the fallback behind configuration.</summary>
    internal void FillFromEnvironment(Func<string, string?> getVariable)
    {
        UserKey = Blank(UserKey) ? Trimmed(getVariable(PushNotifiEnvironmentVariables.UserKey)) : UserKey;
        GroupKey = Blank(GroupKey) ? Trimmed(getVariable(PushNotifiEnvironmentVariables.GroupKey)) : GroupKey;
        ApplicationKey = Blank(ApplicationKey) ? Trimmed(getVariable(PushNotifiEnvironmentVariables.ApplicationKey)) : ApplicationKey;
        WebhookToken = Blank(WebhookToken) ? Trimmed(getVariable(PushNotifiEnvironmentVariables.WebhookToken)) : WebhookToken;

        var baseUrl = Trimmed(getVariable(PushNotifiEnvironmentVariables.ApiBaseUrl));
        if ((Blank(ApiBaseUrl) || ApiBaseUrl == DefaultApiBaseUrl) && baseUrl is not null)
        {
            ApiBaseUrl = baseUrl;
        }

        var rate = Trimmed(getVariable(PushNotifiEnvironmentVariables.RateLimitPerMinute));
        if (RateLimitPerMinute is null && rate is not null)
        {
            if (!int.TryParse(rate, NumberStyles.Integer, CultureInfo.InvariantCulture, out var perMinute))
            {
                throw new PushNotifiConfigurationException(
                    PushNotifiEnvironmentVariables.RateLimitPerMinute,
                    $"{PushNotifiEnvironmentVariables.RateLimitPerMinute} must be a whole number of sends per minute.");
            }

            RateLimitPerMinute = perMinute;
        }
    }

    /// <summary>Returns the first invalid setting as (variable, message), or null when all are valid.</summary>
    internal (string Variable, string Message)? FindProblem() => FindKeyProblem() ?? FindSettingProblem();

    /// <summary>The first setting that stops the inbound webhook (<see cref="PushNotifiWebhookClient"/>), which needs no user key.</summary>
    internal (string Variable, string Message)? FindWebhookProblem() =>
        Blank(WebhookToken)
            ? (PushNotifiEnvironmentVariables.WebhookToken,
                $"{PushNotifiEnvironmentVariables.WebhookToken} is not set. Set it to your inbound webhook token (or {SectionName}:{nameof(WebhookToken)} in configuration).")
            : FindSettingProblem();

    private (string Variable, string Message)? FindKeyProblem()
    {
        if (Blank(UserKey))
        {
            return (PushNotifiEnvironmentVariables.UserKey,
                $"{PushNotifiEnvironmentVariables.UserKey} is not set. Set it to your PushNotifi user key (or {SectionName}:{nameof(UserKey)} in configuration).");
        }

        if (!PushNotifiKeys.IsWellFormed(UserKey, 'u'))
        {
            return (PushNotifiEnvironmentVariables.UserKey,
                $"{PushNotifiEnvironmentVariables.UserKey} ({Redactor.LastFour(UserKey)}) must be {PushNotifiKeys.Length} letters or digits starting with 'u'.");
        }

        if (!Blank(GroupKey) && !PushNotifiKeys.IsWellFormed(GroupKey, 'g'))
        {
            return (PushNotifiEnvironmentVariables.GroupKey,
                $"{PushNotifiEnvironmentVariables.GroupKey} ({Redactor.LastFour(GroupKey)}) must be {PushNotifiKeys.Length} letters or digits starting with 'g'.");
        }

        return null;
    }

    private (string Variable, string Message)? FindSettingProblem()
    {
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (PushNotifiEnvironmentVariables.ApiBaseUrl,
                $"{PushNotifiEnvironmentVariables.ApiBaseUrl} must be an absolute http or https URL.");
        }

        if (RateLimitPerMinute is <= 0)
        {
            return (PushNotifiEnvironmentVariables.RateLimitPerMinute,
                $"{PushNotifiEnvironmentVariables.RateLimitPerMinute} must be greater than zero (leave it unset for no limit).");
        }

        if (MaxRetryAttempts < 0 || RetryBaseDelay < TimeSpan.Zero || RateLimitQueueTimeout < TimeSpan.Zero
            || RetryTotalTimeout <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero)
        {
            return ($"{SectionName}:{nameof(MaxRetryAttempts)}",
                $"Retry settings must not be negative, and {nameof(RetryTotalTimeout)} and {nameof(AttemptTimeout)} must be positive.");
        }

        if (AlertTimeBudget <= TimeSpan.Zero)
        {
            return ($"{SectionName}:{nameof(AlertTimeBudget)}",
                $"{nameof(AlertTimeBudget)} must be positive (e.g. 00:00:05): it bounds how long an alert may delay the code that raised it.");
        }

        if (AlertSuppressionWindow < TimeSpan.Zero)
        {
            return ($"{SectionName}:{nameof(AlertSuppressionWindow)}",
                $"{nameof(AlertSuppressionWindow)} must not be negative; set it to 00:00:00 to send every repeat.");
        }

        return AckPolling is null
            ? ($"{SectionName}:{nameof(AckPolling)}", $"{nameof(AckPolling)} must not be null.")
            : AckPolling.FindProblem();
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
