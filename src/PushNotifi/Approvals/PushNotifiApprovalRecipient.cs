namespace PushNotifi;

/// <summary>One target that was asked in a team approval: its alert, and when.</summary>
public sealed record PushNotifiApprovalRecipient
{
    /// <summary>The target's key as <c>…</c> plus its last four characters.</summary>
    public required string Target { get; init; }

    /// <summary>Whether the target is a user or a group.</summary>
    public PushNotifiRecipientType TargetType { get; init; }

    /// <summary>The step (from 1) that asked it.</summary>
    public int Step { get; init; }

    /// <summary>The alert id of its priority-2 alert.</summary>
    public required string AlertId { get; init; }

    /// <summary>When it was asked.</summary>
    public DateTimeOffset AskedAt { get; init; }
}
