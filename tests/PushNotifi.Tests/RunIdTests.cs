namespace PushNotifi.Tests;

public class RunIdTests
{
    [Theory]
    [InlineData("2026-05-10T03:17:42Z", 3600, "2026-05-10T03:00:00Z")]
    [InlineData("2026-05-10T03:17:42Z", 300, "2026-05-10T03:15:00Z")]
    [InlineData("2026-05-10T03:17:42Z", 86400, "2026-05-10T00:00:00Z")]
    [InlineData("2026-05-10T05:17:42+02:00", 3600, "2026-05-10T03:00:00Z")]
    [InlineData("2026-05-10T00:30:00-01:00", 86400, "2026-05-10T00:00:00Z")]
    [InlineData("2026-05-10T03:00:00Z", 3600, "2026-05-10T03:00:00Z")]
    public void ForSchedule_truncates_to_the_grain_in_utc(string time, int grainSeconds, string expected)
    {
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, PushNotifiRunId.ForSchedule(at, TimeSpan.FromSeconds(grainSeconds)));
    }

    [Fact]
    public void Every_time_in_one_slot_gets_the_same_id_and_the_next_slot_another()
    {
        var start = new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero);
        var hour = TimeSpan.FromHours(1);

        Assert.Equal(PushNotifiRunId.ForSchedule(start, hour), PushNotifiRunId.ForSchedule(start.AddMinutes(59).AddSeconds(59), hour));
        Assert.NotEqual(PushNotifiRunId.ForSchedule(start, hour), PushNotifiRunId.ForSchedule(start.AddHours(1), hour));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(0.5)]
    public void ForSchedule_refuses_grains_that_are_not_whole_positive_seconds(double seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PushNotifiRunId.ForSchedule(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(seconds)));
    }
}
