namespace PushNotifi.Sandbox;

/// <summary>
/// The field limits the sandbox enforces; the same as the client's (Pushover's defaults). Lengths
/// are counted in .NET characters (UTF-16 code units).
/// </summary>
public static class SandboxLimits
{
    /// <summary>Exact length of a user or group key.</summary>
    public const int SendToKeyLength = 32;

    /// <summary>Maximum message length; the message must also not be blank.</summary>
    public const int MessageMaxLength = 1024;

    /// <summary>Maximum title length.</summary>
    public const int TitleMaxLength = 250;

    /// <summary>Maximum URL length.</summary>
    public const int UrlMaxLength = 512;

    /// <summary>Maximum URL title length.</summary>
    public const int UrlTitleMaxLength = 100;

    /// <summary>Maximum idempotency key length.</summary>
    public const int IdempotencyKeyMaxLength = 128;

    /// <summary>Lowest priority.</summary>
    public const int MinPriority = -2;

    /// <summary>Highest priority.</summary>
    public const int MaxPriority = 2;

    /// <summary>Maximum decoded attachment size in bytes (5 MiB).</summary>
    public const int AttachmentMaxBytes = 5 * 1024 * 1024;

    /// <summary>Maximum length of an ack's <c>comment</c>.</summary>
    public const int CommentMaxLength = 1024;

    /// <summary>Maximum length of a <c>freetext</c> reply.</summary>
    public const int ResponseMaxLength = 1024;

    /// <summary>Maximum length of an ack's <c>device_id</c>.</summary>
    public const int DeviceIdMaxLength = 128;

    /// <summary>Maximum length of a minted <c>alert_id</c> (the contract's bound; the sandbox's ids are 35).</summary>
    public const int AlertIdMaxLength = 64;

    /// <summary>The only priority whose sends are tracked for acknowledgement.</summary>
    public const int EmergencyPriority = 2;

    /// <summary>Most active account API keys per account; rotating at the limit is allowed.</summary>
    public const int MaxActiveApiKeys = 10;

    /// <summary>Failed authentications per client address per minute before it answers 429.</summary>
    public const int FailedAuthPerMinute = 20;

    /// <summary>The <c>Retry-After</c>, in seconds, of a failed-auth lockout.</summary>
    public const int FailedAuthRetryAfterSeconds = 60;

    /// <summary>Maximum length of an API key's label.</summary>
    public const int ApiKeyLabelMaxLength = 100;
}
