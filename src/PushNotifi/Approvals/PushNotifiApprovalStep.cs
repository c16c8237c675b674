namespace PushNotifi;

/// <summary>One step of a team approval: who is asked, and how long to wait before the next step is asked too.</summary>
public sealed record PushNotifiApprovalStep
{
    /// <summary>The users and groups asked when this step starts; each gets its own alert.</summary>
    public required IReadOnlyList<PushNotifiApprovalTarget> Targets { get; init; }

    /// <summary>
    /// How long after this step starts the next step is asked, when the approval is still undecided; ignored on the
    /// last step. Null on any other step means the next step is never asked. This step's alerts stay open and count.
    /// </summary>
    public TimeSpan? EscalateAfter { get; init; }
}
