namespace PushNotifi.Benchmarks;

/// <summary>The two ways of spacing status requests that the ack benchmarks compare.</summary>
public enum AckSchedule
{
    /// <summary><see cref="PushNotifiAckPollingOptions"/> as it comes: 1 s for 30 s, then doubling up to 40 s.</summary>
    Adaptive,

    /// <summary>The upstream's fixed 5 s poll, configured through <see cref="PushNotifiOptions.AckPolling"/>.</summary>
    Fixed5s,
}

/// <summary>The polling options behind each <see cref="AckSchedule"/>.</summary>
internal static class AckSchedules
{
    /// <summary>New options for <paramref name="schedule"/>.</summary>
    public static PushNotifiAckPollingOptions For(AckSchedule schedule) => schedule switch
    {
        AckSchedule.Adaptive => new PushNotifiAckPollingOptions(),
        // No fast period, and a pause that never grows: every request 5 s after the last.
        AckSchedule.Fixed5s => new PushNotifiAckPollingOptions
        {
            FastPeriod = TimeSpan.Zero,
            FastInterval = TimeSpan.FromSeconds(5),
            MaxInterval = TimeSpan.FromSeconds(5),
            BackoffFactor = 1,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, null),
    };
}
