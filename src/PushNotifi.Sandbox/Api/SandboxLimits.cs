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

    /// <summary>
    /// Largest request body, in bytes, on any endpoint; past it the answer is 413. The largest valid send is a 5 MiB
    /// attachment as base64 (6,990,508 bytes) plus the other fields at their maximum, even fully escaped (about 12 KB):
    /// 8 MiB leaves room for a client that escapes <c>/</c> in base64 and for whitespace.
    /// </summary>
    public const int RequestBodyMaxBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Most characters of a body the traffic log keeps per request; a longer body is cut (see
    /// <see cref="SandboxRequest.BodyTruncated"/>). 16 Ki keeps every send without an attachment whole.
    /// </summary>
    public const int RecordedBodyMaxLength = 16 * 1024;

    /// <summary>Default of <see cref="SandboxOptions.MaxRequests"/>: requests the traffic log keeps.</summary>
    public const int DefaultMaxRequests = 2_000;

    /// <summary>Default of <see cref="SandboxOptions.MaxNotifications"/>: notifications kept, oldest dropped first.</summary>
    public const int DefaultMaxNotifications = 5_000;

    /// <summary>
    /// Most characters of raw bodies and attachments the in-memory store keeps across its notifications (64 MB as .NET
    /// strings): past it the oldest notifications go, however few are left, so sends with 5 MiB attachments (about 14 Mi
    /// characters each, body and attachment) cannot fill memory before the count cap. The newest is always kept.
    /// </summary>
    public const int StoredBodiesMaxLength = 32 * 1024 * 1024;

    /// <summary>Most events queued for one <c>/sandbox/events</c> stream; a stream that falls this far behind is closed.</summary>
    public const int EventQueueLength = 1024;

    /// <summary>
    /// Most cards and request rows one batch carries to the open <c>/sandbox/events</c> streams (a batch leaves every
    /// 25 ms, or 0.2 ms a stream past 125 streams). A burst past it sends the latest ones and a <c>gap</c> event; the
    /// page reloads its latest page when the burst is over. 20 a batch is 800 cards a second to a tab with few tabs open,
    /// 200 with 500 (whose batches leave every 100 ms): more than anyone reads.
    /// </summary>
    public const int EventBurstLength = 20;

    /// <summary>Recent events kept to replay to a stream that reconnects with <c>Last-Event-ID</c>.</summary>
    public const int EventReplayLength = 512;

    /// <summary>Most notifications or requests one page of the inspection API answers (<c>?limit=</c>).</summary>
    public const int PageMaxLimit = 500;
}
