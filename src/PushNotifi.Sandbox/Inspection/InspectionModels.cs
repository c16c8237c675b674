using PushNotifi.Sandbox.Api;
using PushNotifi.Sandbox.Keys;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Inspection;

// Bodies of the /sandbox inspection API (camelCase through InspectionJsonContext).

/// <summary>Body of <c>POST /sandbox/faults</c>.</summary>
internal sealed record FaultRequest(string? Kind, int? Count, int? Status, double? RetryAfterSeconds, int? DelayMs)
{
    private static readonly string[] Fields = ["kind", "count", "status", "retryAfterSeconds", "delayMs"];

    /// <summary>Reads the body, naming an unknown field, a wrong type or invalid text; the values are checked by the endpoint.</summary>
    public static FaultRequest? Parse(ReadOnlyMemory<byte> body, out ApiError? error)
    {
        var fields = JsonFields.Read(body, Fields, out error);
        if (fields is null
            || !fields.TryString("kind", out var kind, out error)
            || !fields.TryInt("count", out var count, out error)
            || !fields.TryInt("status", out var status, out error)
            || !fields.TryDouble("retryAfterSeconds", out var retryAfter, out error)
            || !fields.TryInt("delayMs", out var delayMs, out error))
        {
            return null;
        }

        return new FaultRequest(kind, count, status, retryAfter, delayMs);
    }
}

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

/// <summary>
/// Body of <c>POST /sandbox/alerts/{alertId}/ack</c>: the device is <c>sandbox-web</c>, or with <c>as</c> (a team
/// member's number) that member's own device, and only on an alert that member was asked.
/// </summary>
internal sealed record InspectionAckRequest(string? Response, string? Comment, int? As = null)
{
    private static readonly string[] Fields = ["response", "comment", "as"];

    /// <summary>Reads the body (a JSON object, <c>{}</c> for a plain ack), naming an unknown field, a wrong type or invalid text.</summary>
    public static InspectionAckRequest? Parse(ReadOnlyMemory<byte> body, out ApiError? error)
    {
        var fields = JsonFields.Read(body, Fields, out error);
        if (fields is null
            || !fields.TryString("response", out var response, out error)
            || !fields.TryString("comment", out var comment, out error)
            || !fields.TryInt("as", out var member, out error))
        {
            return null;
        }

        return new InspectionAckRequest(response, comment, member);
    }
}

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

    /// <summary>The request with every key hidden.</summary>
    public static RequestView Redact(SandboxSecrets secrets, SandboxRequest r) => new(
        r.Sequence, r.ReceivedAt, r.Method, secrets.Redact(r.Path),
        NotificationView.RedactHeaders(secrets, r.Headers),
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
