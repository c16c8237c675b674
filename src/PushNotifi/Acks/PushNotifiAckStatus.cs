namespace PushNotifi;

/// <summary>One read of an alert's acknowledgement (<c>GET /api/v1/alerts/{id}/status</c>).</summary>
public sealed record PushNotifiAckStatus
{
    /// <summary>The alert id.</summary>
    public required string AlertId { get; init; }

    /// <summary>Whether a person has answered.</summary>
    public bool Acked { get; init; }

    /// <summary>When they answered, if they did.</summary>
    public DateTimeOffset? AckedAt { get; init; }

    /// <summary>The device they answered from, if they did.</summary>
    public string? AckedByDeviceId { get; init; }

    /// <summary>The label they tapped (e.g. <c>Approve</c>) or the reply they typed; null for a plain acknowledgement.</summary>
    public string? Response { get; init; }

    /// <summary>The note they added under the buttons, if any.</summary>
    public string? Comment { get; init; }

    /// <summary>Whether the answer says yes (Acknowledge, Yes, Approve, Proceed, Confirm); see <see cref="PushNotifiResponseTemplates.IsAffirmative"/>.</summary>
    public bool IsAffirmative => PushNotifiResponseTemplates.IsAffirmative(Acked, Response);
}
