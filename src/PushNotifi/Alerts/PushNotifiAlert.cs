namespace PushNotifi;

/// <summary>One alert for <see cref="IPushNotifiAlerter.TrySendAlertAsync"/>: what to say, how loud, and how to deduplicate it.</summary>
/// <param name="Title">The title; redacted and cut to <see cref="PushNotifiLimits.TitleLength"/>.</param>
/// <param name="Message">The message; redacted and cut to <see cref="PushNotifiLimits.MessageLength"/>.</param>
public sealed record PushNotifiAlert(string Title, string Message)
{
    /// <summary>The priority; <see cref="PushNotifiPriority.High"/> by default.</summary>
    public PushNotifiPriority Priority { get; init; } = PushNotifiPriority.High;

    /// <summary>
    /// Identifies the event, stable per event (never the time or a random value): the API deduplicates it, and the
    /// alerter sends it at most once per suppression window. Redacted, and shortened to a prefix and a fingerprint
    /// past <see cref="PushNotifiLimits.IdempotencyKeyLength"/>. Without it every call sends.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>How long the key stays claimed once sent; the alerter's own window when null, and off when zero.</summary>
    public TimeSpan? SuppressionWindow { get; init; }

    /// <summary>Names what raised the alert in the alerter's log lines, e.g. <c>NightlyJob.RunAsync</c>; never sent.</summary>
    public string? Source { get; init; }
}
