using System.Text.Json;
using PushNotifi.Approvals;

namespace PushNotifi;

/// <summary>
/// How a team approval ended, and its audit record: who was asked, every answer (in time or late), which step
/// decided it and when. Keys appear only as their last four characters. <see cref="ToJson"/> writes it.
/// </summary>
public sealed record PushNotifiApprovalDecision
{
    /// <summary>The approval id.</summary>
    public required string ApprovalId { get; init; }

    /// <summary>Approved, denied, expired or cancelled.</summary>
    public PushNotifiApprovalOutcome Outcome { get; init; }

    /// <summary>Why, in a few words (e.g. <c>2 of 2 approved</c>, <c>declined by …4f2a</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>How many distinct approvals were required.</summary>
    public int RequiredApprovals { get; init; }

    /// <summary>Whether a decline ended it at once.</summary>
    public bool DeclineVetoes { get; init; }

    /// <summary>The step (from 1) that was the last asked when it was decided; null when nothing was asked.</summary>
    public int? DecidingStep { get; init; }

    /// <summary>When it was first asked.</summary>
    public DateTimeOffset AskedAt { get; init; }

    /// <summary>When it was decided; null when cancelled.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The deadline.</summary>
    public DateTimeOffset Deadline { get; init; }

    /// <summary>Every target asked, with its alert.</summary>
    public IReadOnlyList<PushNotifiApprovalRecipient> Asked { get; init; } = [];

    /// <summary>Every answer seen, in the order seen; late ones have <see cref="PushNotifiApprovalAnswer.InTime"/> false.</summary>
    public IReadOnlyList<PushNotifiApprovalAnswer> Answers { get; init; } = [];

    /// <summary>Whether it was approved: the only outcome that says yes.</summary>
    public bool IsApproved => Outcome == PushNotifiApprovalOutcome.Approved;

    /// <summary>The audit record as JSON (snake_case, outcomes as text).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ApprovalJsonContext.Default.PushNotifiApprovalDecision);

    /// <summary>Reads an audit record written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not an audit record.</exception>
    public static PushNotifiApprovalDecision FromJson(string json) =>
        JsonSerializer.Deserialize(json, ApprovalJsonContext.Default.PushNotifiApprovalDecision)
        ?? throw new JsonException("The text holds no approval decision.");
}
