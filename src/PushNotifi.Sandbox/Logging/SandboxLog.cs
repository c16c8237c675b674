using Microsoft.Extensions.Logging;

namespace PushNotifi.Sandbox.Logging;

/// <summary>The sandbox's own log lines. Keys appear only as last 4; bodies never.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(1, LogLevel.Information, "PushNotifi sandbox listening on {BaseUrl} (API key {UserKey}, group {GroupKey}, application {ApplicationKey}, webhook token {WebhookToken})")]
    public static partial void Listening(ILogger logger, string baseUrl, string userKey, string groupKey, string applicationKey, string webhookToken);

    [LoggerMessage(2, LogLevel.Information, "{Method} {Path} -> {StatusCode}{FaultNote}")]
    public static partial void Handled(ILogger logger, string method, string path, int statusCode, string faultNote);

    [LoggerMessage(3, LogLevel.Information, "{Outcome} {Id} ({Source}, {Type} {SendToKey})")]
    public static partial void Delivered(ILogger logger, string outcome, string id, string source, string type, string sendToKey);

    // Refused keys only ever as a fingerprint: never the key, its prefix or its last 4.
    [LoggerMessage(4, LogLevel.Warning, "Refused X-API-Key {Fingerprint} from {Address}")]
    public static partial void Refused(ILogger logger, string address, string fingerprint);

    [LoggerMessage(5, LogLevel.Warning, "{Address} reached {Limit} failed authentications in a minute: answering 429 (Retry-After: {RetryAfterSeconds})")]
    public static partial void LockedOut(ILogger logger, string address, int limit, int retryAfterSeconds);

    // Wrong webhook tokens likewise: the token is a secret too.
    [LoggerMessage(6, LogLevel.Warning, "Refused webhook token {Fingerprint} from {Address}")]
    public static partial void RefusedWebhookToken(ILogger logger, string address, string fingerprint);

    // The exception's type only: its message may quote a body or a key.
    [LoggerMessage(20, LogLevel.Error, "{Method} {Path} failed with {ExceptionType}: answering 500")]
    public static partial void Failed(ILogger logger, string method, string path, string exceptionType);
}
