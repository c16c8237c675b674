namespace PushNotifi;

/// <summary>Where a wait for an answer stands, reported after every status request.</summary>
/// <param name="AlertId">The alert being awaited.</param>
/// <param name="Elapsed">Time since the wait began.</param>
/// <param name="Timeout">The whole wait's length.</param>
/// <param name="Polls">Status requests sent so far.</param>
/// <param name="NextPollIn">The pause before the next request (zero once answered or at the deadline).</param>
/// <param name="TransientProblem">The last request's transient failure (redacted), e.g. <c>HTTP 503</c>; null when it succeeded.</param>
public sealed record PushNotifiAckProgress(string AlertId, TimeSpan Elapsed, TimeSpan Timeout, int Polls, TimeSpan NextPollIn, string? TransientProblem);
