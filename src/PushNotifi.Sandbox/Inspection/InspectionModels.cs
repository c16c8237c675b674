namespace PushNotifi.Sandbox;

// Bodies of the /sandbox inspection API (camelCase through InspectionJsonContext).

/// <summary>Body of <c>POST /sandbox/faults</c>.</summary>
internal sealed record FaultRequest(string? Kind, int? Count, int? Status, double? RetryAfterSeconds, int? DelayMs);

/// <summary>A pending fault as shown by the inspection API.</summary>
internal sealed record FaultView(string Kind, int Remaining, int? Status, double? RetryAfterSeconds, double? DelayMs)
{
    public static FaultView From(SandboxFault fault) => fault.Kind switch
    {
        SandboxFaultKind.Error => new(fault.KindName, fault.Remaining, fault.StatusCode, null, null),
        SandboxFaultKind.RateLimit => new(fault.KindName, fault.Remaining, 429, fault.RetryAfter.TotalSeconds, null),
        SandboxFaultKind.Delay => new(fault.KindName, fault.Remaining, null, null, fault.Delay.TotalMilliseconds),
        _ => new(fault.KindName, fault.Remaining, null, null, null),
    };
}

/// <summary>Answer of the fault endpoints: what is still pending.</summary>
internal sealed record FaultsResponse(IReadOnlyList<FaultView> Pending);

/// <summary>Error answer of the inspection API.</summary>
internal sealed record InspectionError(string Message, string? Field = null)
{
    /// <summary>For a refused ack <c>response</c>: the labels the alert offers.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }
}

/// <summary>Body of <c>POST /sandbox/alerts/{alertId}/ack</c>; the device is always <c>sandbox-web</c>.</summary>
internal sealed record InspectionAckRequest(string? Response, string? Comment);

/// <summary>Answer of <c>POST /sandbox/alerts/{alertId}/ack</c>: what happened and the alert after it.</summary>
internal sealed record InspectionAckAnswer(string Message, bool AlreadyAcked, CapturedNotification Notification);

/// <summary>A recorded request as shown by the inspection API (keys hidden).</summary>
internal sealed record RequestView(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? ApiKeyLastFour,
    string? Fault,
    int StatusCode,
    string? ApiKeyFingerprint = null)
{
    /// <summary>Characters of the body that arrived (more than <see cref="Body"/> holds when it was cut).</summary>
    public long BodyLength { get; init; }

    /// <summary>Whether <see cref="Body"/> is only a prefix (see <see cref="SandboxRequest.BodyTruncated"/>).</summary>
    public bool BodyTruncated { get; init; }

    public static RequestView Redact(SandboxSecrets secrets, SandboxRequest r) => new(
        r.Sequence, r.ReceivedAt, r.Method, secrets.Redact(r.Path), NotificationView.RedactHeaders(secrets, r.Headers),
        secrets.Redact(r.Body), r.ApiKeyLastFour, r.Fault, r.StatusCode, r.ApiKeyFingerprint)
    {
        BodyLength = r.BodyLength,
        BodyTruncated = r.BodyTruncated,
    };
}

/// <summary>An account API key as the inbox page shows it: label, scope, last 4 and dates only.</summary>
internal sealed record KeyListing(
    string Id,
    int Account,
    string Label,
    string Scope,
    string LastFour,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    bool Active)
{
    public static KeyListing Of(ApiKeyRecord r) => new(r.Id, r.Account, r.Label, r.Scope, r.LastFour, r.CreatedAt, r.LastUsedAt, r.RevokedAt, r.Active);
}
