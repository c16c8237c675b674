namespace PushNotifi;

/// <summary>What <see cref="IPushNotifiAlerter.TrySendAlertAsync"/> did with one alert. Its texts never hold a key.</summary>
public sealed class PushNotifiAlertOutcome
{
    private PushNotifiAlertOutcome(PushNotifiAlertStatus status, PushNotifiSendResult? result, PushNotifiFailureKind? failureKind, string? reason)
    {
        Status = status;
        Result = result;
        FailureKind = failureKind;
        Reason = reason;
    }

    /// <summary>Whether it was sent, suppressed, failed, timed out or cancelled.</summary>
    public PushNotifiAlertStatus Status { get; }

    /// <summary>Whether the API accepted the alert.</summary>
    public bool IsSent => Status == PushNotifiAlertStatus.Sent;

    /// <summary>The API's answer when it was sent; otherwise null.</summary>
    public PushNotifiSendResult? Result { get; }

    /// <summary>
    /// The kind of failure when <see cref="Status"/> is <see cref="PushNotifiAlertStatus.Failed"/> (the client's
    /// <see cref="PushNotifiException.Kind"/>; <see cref="PushNotifiFailureKind.Validation"/> when there is no
    /// configured client) or <see cref="PushNotifiAlertStatus.TimedOut"/> (<see cref="PushNotifiFailureKind.Timeout"/>);
    /// null otherwise, and for a failure that was not a <see cref="PushNotifiException"/> nor a network error.
    /// </summary>
    public PushNotifiFailureKind? FailureKind { get; }

    /// <summary>Why it was not sent, redacted; null when it was sent or suppressed.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Reason is null ? Status.ToString() : $"{Status}: {Reason}";

    /// <summary>The API accepted the alert; also for fakes of <see cref="IPushNotifiAlerter"/>.</summary>
    /// <param name="result">The API's answer.</param>
    public static PushNotifiAlertOutcome Sent(PushNotifiSendResult result) => new(PushNotifiAlertStatus.Sent, result, null, null);

    /// <summary>The key was already claimed within the suppression window; nothing was sent.</summary>
    public static PushNotifiAlertOutcome Suppressed { get; } = new(PushNotifiAlertStatus.Suppressed, null, null, null);

    /// <summary>Nothing was sent because the send failed.</summary>
    /// <param name="kind">The failure's kind, when known.</param>
    /// <param name="reason">Why, already redacted.</param>
    public static PushNotifiAlertOutcome Failed(PushNotifiFailureKind? kind, string reason) => new(PushNotifiAlertStatus.Failed, null, kind, reason);

    /// <summary>Given up after <paramref name="budget"/>.</summary>
    /// <param name="budget">The alert time budget that ran out.</param>
    public static PushNotifiAlertOutcome TimedOut(TimeSpan budget) =>
        new(PushNotifiAlertStatus.TimedOut, null, PushNotifiFailureKind.Timeout, $"no answer within the alert time budget of {budget.TotalSeconds:0.###} s");

    /// <summary>Given up because the caller's token was cancelled.</summary>
    public static PushNotifiAlertOutcome Cancelled { get; } = new(PushNotifiAlertStatus.Cancelled, null, null, "cancelled by the caller");
}
