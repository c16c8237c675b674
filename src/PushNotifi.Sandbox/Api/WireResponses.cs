using System.Text.Json.Serialization;

namespace PushNotifi.Sandbox.Api;

// Response bodies of the /api/v1 wire contract (snake_case through WireJsonContext).

/// <summary>200 answer to a send; <c>alert_id</c> only for priority 2 (the original one for a duplicate).</summary>
internal sealed record MessageAccepted(string Message, string Id, bool Duplicate, string? AlertId = null);

/// <summary>Every error answer: human text, a stable code and, for 400, the offending field.</summary>
internal sealed record ApiError(string Message, string Error, string? Field = null)
{
    /// <summary>For a refused ack <c>response</c>: the labels the alert offers.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>For a 403: the scope the endpoint needs.</summary>
    public string? RequiredScope { get; init; }
}

/// <summary>Answer to <c>GET /api/v1/alerts/{alert_id}/status</c>; every field is always written, null included.</summary>
internal record AlertStatus(
    string AlertId,
    bool Acked,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? AckedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AckedByDeviceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Response,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Comment)
{
    public static AlertStatus Of(CapturedNotification n) =>
        new(n.AlertId!, n.Acked, n.AckedAt, n.AckedByDeviceId, n.Response, n.Comment);
}

/// <summary>
/// 200 answer to <c>POST /api/v1/alerts/{alert_id}/ack</c>: what happened, then the alert's status after it (the
/// status answer's fields, in one flat object). A second ack changes nothing: <c>already_acked</c> is true and the
/// status is the first ack's.
/// </summary>
internal sealed record AckAnswer : AlertStatus
{
    public const string AckedMessage = "Acknowledged.";

    public const string AlreadyAckedMessage = "Already acknowledged; nothing changed.";

    private AckAnswer(AlertStatus status, bool alreadyAcked)
        : base(status)
    {
        Message = alreadyAcked ? AlreadyAckedMessage : AckedMessage;
        AlreadyAcked = alreadyAcked;
    }

    [JsonPropertyOrder(-2)]
    public string Message { get; }

    [JsonPropertyOrder(-1)]
    public bool AlreadyAcked { get; }

    public static AckAnswer Of(CapturedNotification n, bool alreadyAcked) => new(AlertStatus.Of(n), alreadyAcked);
}

/// <summary>One application of the account.</summary>
internal sealed record ApplicationInfo(string ApplicationKey, string Name, bool IsDefault);

/// <summary>Answer to <c>GET /api/v1/applications</c>.</summary>
internal sealed record ApplicationsResponse(string Message, IReadOnlyList<ApplicationInfo> Applications);

/// <summary>Answer to <c>GET /api/v1/applications/{key}</c>.</summary>
internal sealed record ApplicationResponse(string Message, ApplicationInfo Application);

/// <summary>One group of the account; <c>GET /api/v1/groups</c> answers a bare array of them.</summary>
internal sealed record GroupInfo(string GroupKey, string Name);

/// <summary>One delivered message; <c>GET /api/v1/messages</c> answers a bare array of them.</summary>
internal sealed record SentMessageInfo(
    string Id,
    string Type,
    string? Title,
    string Message,
    int Priority,
    string? IdempotencyKey,
    DateTimeOffset CreatedAt);
