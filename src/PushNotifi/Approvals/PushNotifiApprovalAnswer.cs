namespace PushNotifi;

/// <summary>One target's answer in a team approval's audit record.</summary>
public sealed record PushNotifiApprovalAnswer
{
    /// <summary>The target's key as <c>…</c> plus its last four characters.</summary>
    public required string Target { get; init; }

    /// <summary>Whether the target is a user or a group.</summary>
    public PushNotifiRecipientType TargetType { get; init; }

    /// <summary>The step (from 1) that asked this target.</summary>
    public int Step { get; init; }

    /// <summary>The device the answer came from.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The label tapped, e.g. <c>Approve</c>; null for a plain acknowledgement.</summary>
    public string? Response { get; init; }

    /// <summary>The note under the buttons, redacted.</summary>
    public string? Comment { get; init; }

    /// <summary>Whether the answer says yes (see <see cref="PushNotifiResponseTemplates.IsAffirmative"/>).</summary>
    public bool Approves { get; init; }

    /// <summary>When the person answered, by the API's clock.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>When the client first saw the answer, by its clock.</summary>
    public DateTimeOffset SeenAt { get; init; }

    /// <summary>False for an answer first seen after the decision: recorded, and it changed nothing.</summary>
    public bool InTime { get; init; }
}
