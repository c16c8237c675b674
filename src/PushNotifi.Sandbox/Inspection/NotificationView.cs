namespace PushNotifi.Sandbox;

/// <summary>
/// A capture as the inspection API, the event stream, the page and the data file show it: every configured key, every
/// issued key and anything shaped like a key, wherever it appears, as <c>…</c> plus its last 4 characters. The
/// attachment keeps its bytes: only a known key pasted into it verbatim is hidden.
/// </summary>
internal static class NotificationView
{
    public static CapturedNotification Redact(SandboxSecrets secrets, CapturedNotification n) => n with
    {
        SendToKey = SandboxSecrets.Mask(n.SendToKey),
        ApplicationKey = n.ApplicationKey == SandboxOptions.DefaultApplicationKey ? n.ApplicationKey : SandboxSecrets.Mask(n.ApplicationKey),
        Message = secrets.Redact(n.Message),
        Title = RedactOrNull(secrets, n.Title),
        Url = RedactOrNull(secrets, n.Url),
        UrlTitle = RedactOrNull(secrets, n.UrlTitle),
        AttachmentBase64 = n.AttachmentBase64 is null ? null : secrets.RedactKnown(n.AttachmentBase64),
        IdempotencyKey = RedactOrNull(secrets, n.IdempotencyKey),
        RawBody = secrets.Redact(n.RawBody),
        Headers = RedactHeaders(secrets, n.Headers),
        AckedByDeviceId = RedactOrNull(secrets, n.AckedByDeviceId),
        Response = RedactOrNull(secrets, n.Response),
        Comment = RedactOrNull(secrets, n.Comment),
    };

    public static Dictionary<string, string> RedactHeaders(SandboxSecrets secrets, IReadOnlyDictionary<string, string> headers) =>
        headers.ToDictionary(h => h.Key, h => secrets.Redact(h.Value), StringComparer.OrdinalIgnoreCase);

    private static string? RedactOrNull(SandboxSecrets secrets, string? text) => text is null ? null : secrets.Redact(text);
}
