using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Inspection;

/// <summary>
/// Captures as the in-process API (<see cref="SandboxServer"/>) returns them: configured keys as received, so tests
/// can look for them, but no key the sandbox issued (<see cref="SandboxSecrets.HideIssued"/>). A capture holding no
/// such key is returned as it is.
/// </summary>
internal static class InProcessView
{
    public static CapturedNotification Of(SandboxSecrets secrets, CapturedNotification n)
    {
        var hidden = NotificationView.MapTexts(n, secrets.HideIssued, secrets.HideIssuedVerbatim, headers => Hide(secrets, headers)) with
        {
            SendToKey = HideOrNull(secrets, n.SendToKey),
            ApplicationKey = HideOrNull(secrets, n.ApplicationKey),
        };
        return Same(hidden, n) ? n : hidden;
    }

    public static SandboxRequest Of(SandboxSecrets secrets, SandboxRequest r)
    {
        var (path, body, headers) = (secrets.HideIssued(r.Path), secrets.HideIssued(r.Body), Hide(secrets, r.Headers));
        if (ReferenceEquals(path, r.Path) && ReferenceEquals(body, r.Body) && ReferenceEquals(headers, r.Headers))
        {
            return r;
        }

        return new SandboxRequest
        {
            Sequence = r.Sequence,
            ReceivedAt = r.ReceivedAt,
            Method = r.Method,
            Path = path,
            Headers = headers,
            Body = body,
            BodyLength = r.BodyLength,
            BodyTruncated = r.BodyTruncated,
            ApiKeyLastFour = r.ApiKeyLastFour,
            ApiKeyFingerprint = r.ApiKeyFingerprint,
            Fault = r.Fault,
            StatusCode = r.StatusCode,
        };
    }

    private static IReadOnlyDictionary<string, string> Hide(SandboxSecrets secrets, IReadOnlyDictionary<string, string> headers)
    {
        var hidden = headers.ToDictionary(h => h.Key, h => secrets.HideIssued(h.Value), StringComparer.OrdinalIgnoreCase);
        return hidden.All(h => ReferenceEquals(h.Value, headers[h.Key])) ? headers : hidden;
    }

    private static string? HideOrNull(SandboxSecrets secrets, string? text) => text is null ? null : secrets.HideIssued(text);

    // The replacements return the very same string when nothing was hidden, so references tell what changed.
    private static bool Same(CapturedNotification a, CapturedNotification b) =>
        ReferenceEquals(a.SendToKey, b.SendToKey) && ReferenceEquals(a.ApplicationKey, b.ApplicationKey)
        && ReferenceEquals(a.Message, b.Message) && ReferenceEquals(a.Title, b.Title) && ReferenceEquals(a.Url, b.Url)
        && ReferenceEquals(a.UrlTitle, b.UrlTitle)
        && ReferenceEquals(a.RawBody, b.RawBody) && ReferenceEquals(a.Headers, b.Headers)
        && ReferenceEquals(a.AckedByDeviceId, b.AckedByDeviceId) && ReferenceEquals(a.Response, b.Response)
        && ReferenceEquals(a.Comment, b.Comment) && ReferenceEquals(a.IdempotencyKey, b.IdempotencyKey)
        && ReferenceEquals(a.AttachmentBase64, b.AttachmentBase64);
}
