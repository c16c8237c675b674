using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Inspection;

/// <summary>
/// A capture as the inspection API, the event stream, the page and the data file show it: every configured key, every
/// issued key and anything shaped like a key, wherever it appears, as <c>…</c> plus its last 4 characters. The
/// attachment keeps its bytes: only a known key pasted into it verbatim is hidden.
/// </summary>
internal static class NotificationView
{
    public static CapturedNotification Redact(SandboxSecrets secrets, CapturedNotification n) =>
        MapTexts(n, secrets.Redact, secrets.RedactKnown, headers => RedactHeaders(secrets, headers)) with
        {
            SendToKey = SandboxSecrets.Mask(n.SendToKey),
            ApplicationKey = n.ApplicationKey == SandboxOptions.DefaultApplicationKey ? n.ApplicationKey : SandboxSecrets.Mask(n.ApplicationKey),
        };

    /// <summary>
    /// The capture with <paramref name="text"/> applied to every field a key may be pasted into, and
    /// <paramref name="attachment"/> to the attachment's base64: the one list of those fields, for every view.
    /// </summary>
    public static CapturedNotification MapTexts(
        CapturedNotification n,
        Func<string, string> text,
        Func<string, string> attachment,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> headers) => n with
        {
            Message = text(n.Message),
            Title = n.Title is null ? null : text(n.Title),
            Url = n.Url is null ? null : text(n.Url),
            UrlTitle = n.UrlTitle is null ? null : text(n.UrlTitle),
            AttachmentBase64 = n.AttachmentBase64 is null ? null : attachment(n.AttachmentBase64),
            IdempotencyKey = n.IdempotencyKey is null ? null : text(n.IdempotencyKey),
            RawBody = text(n.RawBody),
            Headers = headers(n.Headers),
            AckedByDeviceId = n.AckedByDeviceId is null ? null : text(n.AckedByDeviceId),
            Response = n.Response is null ? null : text(n.Response),
            Comment = n.Comment is null ? null : text(n.Comment),
        };

    public static Dictionary<string, string> RedactHeaders(SandboxSecrets secrets, IReadOnlyDictionary<string, string> headers) =>
        headers.ToDictionary(h => h.Key, h => secrets.Redact(h.Value), StringComparer.OrdinalIgnoreCase);
}
