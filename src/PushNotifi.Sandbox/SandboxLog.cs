using Microsoft.Extensions.Logging;

namespace PushNotifi.Sandbox;

/// <summary>The sandbox's own log lines. Keys appear only as last 4; bodies never.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(1, LogLevel.Information, "PushNotifi sandbox listening on {BaseUrl} (API key {UserKey}, group {GroupKey}, application {ApplicationKey}, webhook token {WebhookToken})")]
    public static partial void Listening(ILogger logger, string baseUrl, string userKey, string groupKey, string applicationKey, string webhookToken);

    [LoggerMessage(2, LogLevel.Information, "{Method} {Path} -> {StatusCode}{FaultNote}")]
    public static partial void Handled(ILogger logger, string method, string path, int statusCode, string faultNote);

    [LoggerMessage(3, LogLevel.Information, "{Outcome} {Id} ({Source}, {Type} {SendToKey})")]
    public static partial void Delivered(ILogger logger, string outcome, string id, string source, string type, string sendToKey);
}
