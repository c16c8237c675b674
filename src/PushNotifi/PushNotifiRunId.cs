using System.Globalization;

namespace PushNotifi;

/// <summary>Run ids for scheduled jobs: every run of the same slot gets the same id, so it makes a good idempotency key.</summary>
public static class PushNotifiRunId
{
    /// <summary>
    /// Truncates <paramref name="time"/> (converted to UTC) down to a whole multiple of <paramref name="grain"/>
    /// since 0001-01-01 and formats it as ISO-8601 UTC, e.g. <c>2026-05-10T03:00:00Z</c>.
    /// </summary>
    /// <param name="time">When the run started, in any offset.</param>
    /// <param name="grain">The schedule's period, e.g. one hour; whole seconds, at least one.</param>
    public static string ForSchedule(DateTimeOffset time, TimeSpan grain)
    {
        if (grain < TimeSpan.FromSeconds(1) || grain.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(grain), grain, "The grain must be a whole number of seconds, at least one.");
        }

        var ticks = time.UtcTicks;
        var slot = new DateTime(ticks - (ticks % grain.Ticks), DateTimeKind.Utc);
        return slot.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
