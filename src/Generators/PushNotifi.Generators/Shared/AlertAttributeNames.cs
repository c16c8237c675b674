namespace PushNotifi.Generators.Shared;

/// <summary>
/// The metadata and argument names of <c>PushNotifi.PushNotifiAlertAttribute</c>, written once here; a test checks
/// each one against the attribute itself, so a rename there fails the build of the tests and not a user's build.
/// </summary>
internal static class AlertAttributeNames
{
    public const string MetadataName = "PushNotifi.PushNotifiAlertAttribute";
    public const string RedactMetadataName = "PushNotifi.RedactAttribute";
    public const string ClientMetadataName = "PushNotifi.IPushNotifiClient";
    public const string AlerterMetadataName = "PushNotifi.IPushNotifiAlerter";
    public const string WebhookMetadataName = "PushNotifi.IPushNotifiWebhook";
    public const string AlertContextMetadataName = "PushNotifi.PushNotifiAlertContext";

    /// <summary>The sending method of the client, the webhook and the alert context.</summary>
    public const string ClientSendName = "SendAsync";

    /// <summary>The alert context's synchronous send, used by wrappers of synchronous methods.</summary>
    public const string AlertContextSyncSendName = "Send";

    /// <summary>The alerter's guarded send.</summary>
    public const string AlerterSendName = "TrySendAlertAsync";

    /// <summary>The constructor parameter that holds the failure title.</summary>
    public const string Title = "title";
    public const string Message = nameof(Message);
    public const string IdempotencyKey = nameof(IdempotencyKey);
    public const string Priority = nameof(Priority);
    public const string NotifyOnSuccess = nameof(NotifyOnSuccess);
    public const string SuccessTitle = nameof(SuccessTitle);
    public const string SuccessMessage = nameof(SuccessMessage);
    public const string SuccessIdempotencyKey = nameof(SuccessIdempotencyKey);
    public const string SuccessPriority = nameof(SuccessPriority);
    public const string Implementation = nameof(Implementation);
    public const string AlertOnCallerCancellation = nameof(AlertOnCallerCancellation);
    public const string SuppressionWindowSeconds = nameof(SuppressionWindowSeconds);
}
