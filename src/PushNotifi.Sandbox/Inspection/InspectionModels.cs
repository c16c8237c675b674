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
internal sealed record InspectionError(string Message, string? Field = null);

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
    int StatusCode);
