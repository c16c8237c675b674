namespace PushNotifi;

/// <summary>Where a team approval stands, reported after every round of status requests and every step asked.</summary>
/// <param name="ApprovalId">The approval.</param>
/// <param name="Elapsed">Time since it was first asked.</param>
/// <param name="Timeout">The whole wait's length.</param>
/// <param name="Step">The last step asked (from 1).</param>
/// <param name="Approvals">Distinct approvals so far.</param>
/// <param name="OpenAlerts">Alerts still unanswered.</param>
/// <param name="Polls">Status requests sent so far by this call.</param>
/// <param name="NextPollIn">The pause before the next round (zero once decided).</param>
/// <param name="TransientProblem">The last round's transient failure (redacted), e.g. <c>HTTP 503</c>; null when none.</param>
public sealed record PushNotifiApprovalProgress(
    string ApprovalId,
    TimeSpan Elapsed,
    TimeSpan Timeout,
    int Step,
    int Approvals,
    int OpenAlerts,
    int Polls,
    TimeSpan NextPollIn,
    string? TransientProblem);
