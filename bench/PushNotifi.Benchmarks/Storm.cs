namespace PushNotifi.Benchmarks;

/// <summary>How the storm is run and what it may be: one caller failing again and again on the same key.</summary>
public enum StormMode
{
    /// <summary>The failing work called directly: what the failures cost without any wrapper.</summary>
    Unwrapped,

    /// <summary>Through the wrapper with the default suppression window: the first failure sends, the rest are claimed away.</summary>
    Suppressed,

    /// <summary>Through the wrapper with <see cref="PushNotifiAlerts.SuppressionWindow"/> zero: every failure sends.</summary>
    Unsuppressed,
}

/// <summary>Runs one storm on a fresh in-memory store and returns the failures rethrown to the caller.</summary>
internal static class Storm
{
    public const int Failures = 100_000;

    public static async Task<int> RunAsync(StormJob job, StormMode mode, int failures = Failures)
    {
        PushNotifiAlerts.Store = new InMemoryPushNotifiStateStore();
        PushNotifiAlerts.SuppressionWindow = mode == StormMode.Unsuppressed ? TimeSpan.Zero : PushNotifiAlerts.DefaultSuppressionWindow;
        var rethrown = 0;
        try
        {
            for (var i = 0; i < failures; i++)
            {
                try
                {
                    await (mode == StormMode.Unwrapped ? StormJob.RunCoreAsync("job-1", CancellationToken.None) : job.RunAsync("job-1", CancellationToken.None)).ConfigureAwait(false);
                }
                catch (InvalidOperationException)
                {
                    rethrown++;
                }
            }
        }
        finally
        {
            PushNotifiAlerts.SuppressionWindow = PushNotifiAlerts.DefaultSuppressionWindow;
        }

        return rethrown;
    }
}
