namespace PushNotifi;

/// <summary>
/// Team approvals on the ack contract: N of M targets, escalation to the next step when nobody answers, a deadline
/// that never approves, and an audit record. Registered by <c>AddPushNotifi</c>; without a container, use
/// <see cref="PushNotifiApprovals"/>. Kept apart from <see cref="IPushNotifiAcks"/> so that fakes of it keep compiling.
/// </summary>
public interface IPushNotifiApprovals
{
    /// <summary>
    /// Asks each target of the first step its own priority-2 alert, asks the next steps when their time comes, and
    /// waits until N distinct targets approve (<see cref="PushNotifiApprovalOutcome.Approved"/>), one declines when
    /// declines veto or N can no longer be reached (<see cref="PushNotifiApprovalOutcome.Denied"/>), or the deadline
    /// passes (<see cref="PushNotifiApprovalOutcome.Expired"/>). The same approval id asked again re-attaches to the
    /// same alerts and pages nobody again; once decided, it returns the stored decision with any late answers.
    /// </summary>
    /// <param name="request">Who, how many, until when.</param>
    /// <param name="progress">Told after every round of status requests.</param>
    /// <param name="cancellationToken">Stops the wait at once; the result is then <see cref="PushNotifiApprovalOutcome.Cancelled"/>.</param>
    /// <returns>The decision and its audit record. Go ahead only when <see cref="PushNotifiApprovalDecision.IsApproved"/>.</returns>
    /// <exception cref="PushNotifiValidationException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="PushNotifiException">The API refused a question or a status read with a non-transient error.</exception>
    Task<PushNotifiApprovalDecision> RequestApprovalAsync(
        PushNotifiApprovalRequest request,
        IProgress<PushNotifiApprovalProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
