namespace PushNotifi;

/// <summary>The exact environment variable names that <see cref="PushNotifiOptions.FromEnvironment()"/> reads.</summary>
public static class PushNotifiEnvironmentVariables
{
    /// <summary>The user key, sent as the <c>X-API-Key</c> header. Required.</summary>
    public const string UserKey = "PUSHNOTIFI_USER_KEY";

    /// <summary>The default group that messages without a <c>SendToKey</c> go to.</summary>
    public const string GroupKey = "PUSHNOTIFI_GROUP_KEY";

    /// <summary>The application key sent with messages that do not name one.</summary>
    public const string ApplicationKey = "PUSHNOTIFI_APPLICATION_KEY";

    /// <summary>The inbound webhook token.</summary>
    public const string WebhookToken = "PUSHNOTIFI_WEBHOOK_TOKEN";

    /// <summary>The API base URL, e.g. a local sandbox.</summary>
    public const string ApiBaseUrl = "PUSHNOTIFI_API_BASE_URL";

    /// <summary>The client-side limit on sends per minute.</summary>
    public const string RateLimitPerMinute = "PUSHNOTIFI_RATE_LIMIT_PER_MINUTE";
}
