namespace PushNotifi;

/// <summary>Field limits checked before sending. They follow Pushover's published limits.</summary>
public static class PushNotifiLimits
{
    /// <summary>Maximum title length in UTF-16 characters.</summary>
    public const int TitleLength = 250;

    /// <summary>Maximum message length in UTF-16 characters.</summary>
    public const int MessageLength = 1024;

    /// <summary>Maximum URL length in UTF-16 characters.</summary>
    public const int UrlLength = 512;

    /// <summary>Maximum URL title length in UTF-16 characters.</summary>
    public const int UrlTitleLength = 100;

    /// <summary>Maximum idempotency key length.</summary>
    public const int IdempotencyKeyLength = 128;

    /// <summary>Maximum decoded attachment size in bytes (5 MiB).</summary>
    public const int AttachmentBytes = 5 * 1024 * 1024;

    /// <summary>Exact length of user and group keys.</summary>
    public const int KeyLength = 32;
}
