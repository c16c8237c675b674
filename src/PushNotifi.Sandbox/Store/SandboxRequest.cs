namespace PushNotifi.Sandbox;

/// <summary>
/// One request to an <c>/api/v1</c> endpoint, recorded before it is answered — including duplicates,
/// rejected requests and requests hit by an injected fault.
/// </summary>
public sealed class SandboxRequest
{
    private int _statusCode;

    /// <summary>Order of arrival, starting at 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>When it arrived (from <see cref="SandboxOptions.TimeProvider"/>).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Path and query; a webhook token in the path is shown as <c>…</c> plus its last 4 characters.</summary>
    public required string Path { get; init; }

    /// <summary>Every request header except <c>X-API-Key</c>.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>
    /// The request body as received (empty when none), cut to its first <see cref="SandboxLimits.RecordedBodyMaxLength"/>
    /// characters so the log stays small whatever comes in; <see cref="BodyTruncated"/> says when it was cut. Through
    /// <see cref="SandboxServer.Requests"/> a key the sandbox issued shows only as <c>…</c> plus its last 4 characters.
    /// </summary>
    public required string Body { get; init; }

    /// <summary>
    /// Length in characters of the body that arrived. Greater than <see cref="Body"/>'s when it was cut; for a body
    /// refused as too large (413), what arrived before the limit stopped it.
    /// </summary>
    public long BodyLength { get; init; }

    /// <summary>Whether <see cref="Body"/> is only a prefix of what arrived (a long body, or one refused with 413).</summary>
    public bool BodyTruncated { get; init; }

    /// <summary>An accepted API key as <c>…</c> plus its last 4 characters; null when none was sent or it was refused.</summary>
    public string? ApiKeyLastFour { get; init; }

    /// <summary>
    /// For a refused key (unknown or revoked): a non-reversible fingerprint (<c>fp_</c> + 12 hex digits), never any
    /// part of the key. Null for accepted keys, which show <see cref="ApiKeyLastFour"/> instead.
    /// </summary>
    public string? ApiKeyFingerprint { get; init; }

    /// <summary>The injected fault applied to this request (<c>error</c>, <c>rate_limit</c>, <c>delay</c>, <c>drop</c>), or null.</summary>
    public string? Fault { get; init; }

    /// <summary>
    /// The status the sandbox produced; 0 while still in progress. For a dropped request this is the
    /// status the client never saw.
    /// </summary>
    public int StatusCode
    {
        get => Volatile.Read(ref _statusCode);
        internal set => Volatile.Write(ref _statusCode, value);
    }
}
