using Microsoft.Extensions.Logging;

namespace PushNotifi.Internal;

/// <summary>Every log line the client writes. Arguments are last-four forms, fingerprints and redacted text, never keys or bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending notification to {RecipientType} {Recipient} (idempotency {IdempotencyFingerprint})")]
    internal static partial void Sending(ILogger logger, string recipientType, string recipient, string idempotencyFingerprint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Notification {NotificationId} accepted (duplicate: {Duplicate})")]
    internal static partial void Sent(ILogger logger, string notificationId, bool duplicate);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Attempt {Attempt} of {Operation} failed ({Reason}); retrying in {Delay}")]
    internal static partial void Retrying(ILogger logger, int attempt, string operation, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "{Operation} failed: {Reason}")]
    internal static partial void Failed(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Client-side rate limit of {PerMinute}/min reached; send refused after waiting up to {QueueTimeout}")]
    internal static partial void RateLimited(ILogger logger, int perMinute, TimeSpan queueTimeout);
}
