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

    /// <summary>Maximum length of an alert id the API mints.</summary>
    public const int AlertIdLength = 64;

    /// <summary>Maximum length of a comment under an answer's buttons.</summary>
    public const int AckCommentLength = 1024;

    /// <summary>The default wait for an answer: 900 s.</summary>
    public static TimeSpan AckTimeoutDefault { get; } = TimeSpan.FromSeconds(900);

    /// <summary>The longest wait for an answer: 3,600 s.</summary>
    public static TimeSpan AckTimeoutMax { get; } = TimeSpan.FromSeconds(3600);

    /// <summary>The longest <c>Retry-After</c> a wait for an answer honours before polling again: 60 s.</summary>
    public static TimeSpan AckRetryAfterMax { get; } = TimeSpan.FromSeconds(60);
}
