namespace PushNotifi;

/// <summary>
/// How <see cref="IPushNotifiAcks.AwaitAckAsync"/> spaces its status requests: every <see cref="FastInterval"/>
/// while the person is likely looking (<see cref="FastPeriod"/>), then each pause <see cref="BackoffFactor"/> times
/// the last, up to <see cref="MaxInterval"/>. With the defaults a tap in the first 30 s is seen within 1 s, and a
/// 15-minute wait nobody answers sends 57 requests (a fixed 5 s poll sends 180). A final request is always sent at
/// the deadline, so an answer given in the last pause still counts.
/// </summary>
public sealed class PushNotifiAckPollingOptions
{
    /// <summary>The pause between requests during <see cref="FastPeriod"/>. Default 1 s.</summary>
    public TimeSpan FastInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after the wait begins requests stay at <see cref="FastInterval"/>. Default 30 s.</summary>
    public TimeSpan FastPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How much each pause after <see cref="FastPeriod"/> grows over the last (at least 1). Default 2.</summary>
    public double BackoffFactor { get; set; } = 2.0;

    /// <summary>The longest pause between requests, and so the longest a late tap goes unseen. Default 40 s.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>The wait when the caller gives no timeout. Default 900 s; at most <see cref="PushNotifiLimits.AckTimeoutMax"/>.</summary>
    public TimeSpan DefaultTimeout { get; set; } = PushNotifiLimits.AckTimeoutDefault;

    /// <summary>The pause before the next request, given the time since the wait began and the pause before this one.</summary>
    /// <param name="elapsed">Time since the wait began.</param>
    /// <param name="previous">The last pause, or <see cref="TimeSpan.Zero"/> before the first.</param>
    public TimeSpan NextDelay(TimeSpan elapsed, TimeSpan previous)
    {
        if (elapsed < FastPeriod)
        {
            return FastInterval;
        }

        var last = previous > FastInterval ? previous : FastInterval;
        var grown = TimeSpan.FromTicks((long)Math.Min(TimeSpan.MaxValue.Ticks, last.Ticks * BackoffFactor));
        return grown < MaxInterval ? grown : MaxInterval;
    }

    /// <summary>The first invalid setting's name and why, or null.</summary>
    internal (string Name, string Message)? FindProblem()
    {
        const string prefix = PushNotifiOptions.SectionName + ":" + nameof(PushNotifiOptions.AckPolling) + ":";
        if (FastInterval <= TimeSpan.Zero || MaxInterval < FastInterval)
        {
            return (prefix + nameof(FastInterval), $"{nameof(FastInterval)} must be positive and no longer than {nameof(MaxInterval)}.");
        }

        if (FastPeriod < TimeSpan.Zero)
        {
            return (prefix + nameof(FastPeriod), $"{nameof(FastPeriod)} must not be negative.");
        }

        if (double.IsNaN(BackoffFactor) || BackoffFactor < 1)
        {
            return (prefix + nameof(BackoffFactor), $"{nameof(BackoffFactor)} must be at least 1.");
        }

        if (DefaultTimeout <= TimeSpan.Zero || DefaultTimeout > PushNotifiLimits.AckTimeoutMax)
        {
            return (prefix + nameof(DefaultTimeout), $"{nameof(DefaultTimeout)} must be more than zero and at most {PushNotifiLimits.AckTimeoutMax.TotalSeconds} s.");
        }

        return null;
    }
}
