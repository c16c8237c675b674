namespace PushNotifi;

/// <summary>How a wait for an answer ended: answered, or timed out with no answer.</summary>
public sealed record PushNotifiAckResult
{
    /// <summary>The alert id.</summary>
    public required string AlertId { get; init; }

    /// <summary>Whether a person answered before the deadline.</summary>
    public bool Acked { get; init; }

    /// <summary>Whether the deadline passed with no answer. A timeout is never affirmative.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The label they tapped (e.g. <c>Approve</c>) or the reply they typed; null for a plain acknowledgement or no answer.</summary>
    public string? Response { get; init; }

    /// <summary>The note they added under the buttons, if any.</summary>
    public string? Comment { get; init; }

    /// <summary>When they answered.</summary>
    public DateTimeOffset? AckedAt { get; init; }

    /// <summary>The device they answered from.</summary>
    public string? AckedByDeviceId { get; init; }

    /// <summary>How long the wait took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>How many status requests the wait sent.</summary>
    public int Polls { get; init; }

    /// <summary>
    /// Whether the person said yes: acked with Acknowledge, Yes, Approve, Proceed or Confirm (or a plain
    /// acknowledgement). False on a timeout, a negative label, or a typed reply (read <see cref="Response"/> for that).
    /// </summary>
    public bool IsAffirmative => !TimedOut && PushNotifiResponseTemplates.IsAffirmative(Acked, Response);
}
