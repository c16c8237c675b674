namespace PushNotifi;

/// <summary>
/// A question for a team: who is asked in which order, how many must approve, and until when. See
/// <see cref="IPushNotifiApprovals.RequestApprovalAsync"/>.
/// </summary>
public sealed record PushNotifiApprovalRequest
{
    /// <summary>The title of every alert (at most <see cref="PushNotifiLimits.TitleLength"/> characters).</summary>
    public string? Title { get; init; }

    /// <summary>The question (at most <see cref="PushNotifiLimits.MessageLength"/> characters).</summary>
    public required string Message { get; init; }

    /// <summary>The buttons; default <see cref="PushNotifiResponseTemplate.ApproveDeny"/>. <see cref="PushNotifiResponseTemplate.FreeText"/> is refused: a typed reply is never an approval.</summary>
    public PushNotifiResponseTemplate Template { get; init; } = PushNotifiResponseTemplate.ApproveDeny;

    /// <summary>The steps, in order; the first is asked at once. At least one step with at least one target.</summary>
    public required IReadOnlyList<PushNotifiApprovalStep> Steps { get; init; }

    /// <summary>How many distinct targets must approve (N); default 1.</summary>
    public int RequiredApprovals { get; init; } = 1;

    /// <summary>Whether any decline ends the approval as denied at once; default true. Without it a decline only counts against reaching N.</summary>
    public bool DeclineVetoes { get; init; } = true;

    /// <summary>
    /// The overall deadline, from when the approval was first asked; null means
    /// <see cref="PushNotifiAckPollingOptions.DefaultTimeout"/>. At most <see cref="MaxTimeout"/>. Passing it gives
    /// <see cref="PushNotifiApprovalOutcome.Expired"/>, never an approval.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Keys never asked even when a step names them, e.g. the requester's own.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>
    /// Names this approval: asking the same id again (after a restart, or a CI re-run) re-attaches to its alerts and
    /// pages nobody again; a new id always asks afresh and never reuses an old answer. Null makes a fresh one. Letters,
    /// digits and <c>-_.:</c>, at most <see cref="ApprovalIdLength"/> characters. Never derive it from the question's
    /// text alone: key the action instance (e.g. the CI run id).
    /// </summary>
    public string? ApprovalId { get; init; }

    /// <summary>The longest <see cref="Timeout"/>: 24 hours.</summary>
    public static TimeSpan MaxTimeout { get; } = TimeSpan.FromHours(24);

    /// <summary>The longest <see cref="ApprovalId"/>.</summary>
    public const int ApprovalIdLength = 64;
}
