namespace PushNotifi;

/// <summary>How a team approval ended. Only <see cref="Approved"/> says yes.</summary>
public enum PushNotifiApprovalOutcome
{
    /// <summary>N distinct targets approved before the deadline.</summary>
    Approved,

    /// <summary>A target declined (when declines veto), or N approvals could no longer be reached.</summary>
    Denied,

    /// <summary>The deadline passed undecided. Never an approval.</summary>
    Expired,

    /// <summary>The caller's token was cancelled before a decision; the same approval id asked again re-attaches and waits on.</summary>
    Cancelled,
}
