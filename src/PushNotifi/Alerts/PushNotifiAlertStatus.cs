namespace PushNotifi;

/// <summary>What became of one alert (<see cref="PushNotifiAlertOutcome.Status"/>).</summary>
public enum PushNotifiAlertStatus
{
    /// <summary>The API accepted it (a duplicate of an earlier send included).</summary>
    Sent,

    /// <summary>Not sent: its idempotency key was already claimed within the suppression window.</summary>
    Suppressed,

    /// <summary>Not sent: the client failed (see <see cref="PushNotifiAlertOutcome.FailureKind"/>) or there is no client.</summary>
    Failed,

    /// <summary>Given up after the alert time budget; the send may still complete in the background.</summary>
    TimedOut,

    /// <summary>Given up because the caller's token was cancelled.</summary>
    Cancelled,
}
