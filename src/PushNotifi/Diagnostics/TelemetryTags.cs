namespace PushNotifi.Diagnostics;

/// <summary>
/// The tag names and values of the runtime's telemetry. Every value is from a short fixed list (or an exception's
/// type name), so no tag can carry a key, a text or a raw idempotency key.
/// </summary>
internal static class TelemetryTags
{
    internal const string SendOutcome = "pushnotifi.send.outcome";
    internal const string ErrorType = "error.type";
    internal const string Priority = "pushnotifi.priority";
    internal const string RecipientType = "pushnotifi.recipient.type";
    internal const string ResponseTemplate = "pushnotifi.response_template";
    internal const string AnswerOutcome = "pushnotifi.answer.outcome";
    internal const string PollResult = "pushnotifi.poll.result";
    internal const string RedactionFamily = "pushnotifi.redaction.family";
    internal const string RetryCount = "pushnotifi.retry_count";
    internal const string IdempotencyFingerprint = "pushnotifi.idempotency.fingerprint";
    internal const string PollCount = "pushnotifi.poll_count";

    internal const string Delivered = "delivered";
    internal const string Duplicate = "duplicate";
    internal const string Failed = "failed";
    internal const string RateLimited = "rate_limited";
    internal const string Suppressed = "suppressed";

    internal const string Approved = "approved";
    internal const string Declined = "declined";
    internal const string Answered = "answered";
    internal const string Expired = "expired";
    internal const string Cancelled = "cancelled";

    internal const string Pending = "pending";

    /// <summary>A configured value (the client's own keys or token) was found.</summary>
    internal const string ConfiguredFamily = "configured";

    /// <summary>Only secret shapes (provider formats, assignments, headers) were found.</summary>
    internal const string PatternFamily = "pattern";

    private static readonly string[] s_priorities = ["lowest", "low", "normal", "high", "emergency"];

    // Negative labels of the fixed templates; any other answer that is not affirmative is a typed reply.
    private static readonly string[] s_declines = ["No", "Deny", "Abort", "Cancel"];

    /// <summary>The priority's lowercase name; <c>normal</c> when unset, as the API treats it.</summary>
    internal static string PriorityName(PushNotifiPriority? priority) =>
        priority is { } p && (int)p is >= -2 and <= 2 ? s_priorities[(int)p + 2] : "normal";

    /// <summary><c>error.type</c>: the failure kind in snake case, or the exception's type name for anything else.</summary>
    internal static string ErrorTypeOf(Exception error) => error is PushNotifiException api
        ? KindName(api.Kind)
        : error.GetType().FullName ?? "_OTHER";

    internal static string KindName(PushNotifiFailureKind kind) => kind switch
    {
        PushNotifiFailureKind.Validation => "validation",
        PushNotifiFailureKind.Unauthorized => "unauthorized",
        PushNotifiFailureKind.Forbidden => "forbidden",
        PushNotifiFailureKind.RateLimited => RateLimited,
        PushNotifiFailureKind.Network => "network",
        PushNotifiFailureKind.Timeout => "timeout",
        PushNotifiFailureKind.Server => "server",
        PushNotifiFailureKind.ApiError => "api_error",
        _ => "_OTHER",
    };

    /// <summary>How an answered question went: approved, declined, or answered (a typed reply).</summary>
    internal static string AnswerOf(PushNotifiAckResult result) =>
        result.TimedOut ? Expired
        : result.IsAffirmative ? Approved
        : Array.IndexOf(s_declines, result.Response) >= 0 ? Declined
        : Answered;
}
