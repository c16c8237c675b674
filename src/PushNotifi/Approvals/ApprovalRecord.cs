namespace PushNotifi.Approvals;

/// <summary>
/// What a team approval keeps in the <see cref="IPushNotifiRecordStore"/> for its lifetime: when it was first asked,
/// the alert of each target (by fingerprint, never the key), and its decision once made.
/// </summary>
internal sealed record ApprovalRecord
{
    public DateTimeOffset AskedAt { get; init; }

    public List<ApprovalAlert> Alerts { get; init; } = [];

    public PushNotifiApprovalDecision? Decision { get; init; }
}

/// <summary>One target's alert: the target's fingerprint, and what the audit record shows of it.</summary>
internal sealed record ApprovalAlert(string Fingerprint, PushNotifiApprovalRecipient Recipient);
