using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Web;

/// <summary>
/// An <c>/api/v1</c> request as the inbox's request log shows it, for event frames: what <c>/sandbox/requests</c>
/// shows less the headers and body. Every open stream gets each frame, so what the page does not show is left out.
/// </summary>
internal sealed record RequestRow(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    int StatusCode,
    string? Fault,
    string? ApiKeyLastFour,
    string? ApiKeyFingerprint)
{
    /// <summary>The row of <paramref name="r"/>, with any key in its path hidden.</summary>
    public static RequestRow Of(SandboxSecrets secrets, SandboxRequest r) =>
        new(r.Sequence, r.ReceivedAt, r.Method, secrets.Redact(r.Path), r.StatusCode, r.Fault, r.ApiKeyLastFour, r.ApiKeyFingerprint);
}
