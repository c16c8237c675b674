namespace PushNotifi.Tests;

/// <summary>The poll schedule: quick while the person is likely looking, sparse afterwards, and configurable.</summary>
public class AckPollingTests
{
    [Fact]
    public async Task An_unanswered_fifteen_minute_wait_sends_at_most_60_status_requests()
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        var before = fixture.Sandbox.Requests.Count;

        var result = await fixture.Clock.RunAsync(fixture.Client.AwaitAckAsync(alertId, progress: fixture.Clock));

        Assert.True(result.TimedOut);
        Assert.Equal(TimeSpan.FromSeconds(900), result.Elapsed);
        Assert.Equal(result.Polls, fixture.Sandbox.Requests.Count - before);
        Assert.InRange(result.Polls, 1, 60);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(5)]
    [InlineData(17.3)]
    [InlineData(29.9)]
    public async Task A_tap_in_the_first_30_seconds_is_seen_within_a_second(double tapSeconds)
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        var tapAt = TimeSpan.FromSeconds(tapSeconds);

        var result = await fixture.Clock.RunAsync(
            fixture.Client.AwaitAckAsync(alertId, progress: fixture.Clock),
            tapAt,
            () => fixture.Sandbox.Ack(alertId, "Approve"));

        Assert.InRange(result.Elapsed - tapAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_late_tap_is_seen_within_the_longest_pause()
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        var tapAt = TimeSpan.FromMinutes(5);

        var result = await fixture.Clock.RunAsync(
            fixture.Client.AwaitAckAsync(alertId, progress: fixture.Clock),
            tapAt,
            () => fixture.Sandbox.Ack(alertId, "Approve"));

        Assert.InRange(result.Elapsed - tapAt, TimeSpan.Zero, fixture.Options.AckPolling.MaxInterval);
    }

    [Fact]
    public async Task A_fixed_schedule_can_be_configured()
    {
        await using var fixture = await AckFixture.StartAsync(o =>
        {
            o.AckPolling.FastPeriod = TimeSpan.Zero;
            o.AckPolling.FastInterval = TimeSpan.FromSeconds(5);
            o.AckPolling.MaxInterval = TimeSpan.FromSeconds(5);
            o.AckPolling.BackoffFactor = 1;
        });
        var alertId = await fixture.AskAsync();

        var result = await fixture.Clock.RunAsync(fixture.Client.AwaitAckAsync(alertId, TimeSpan.FromSeconds(900), fixture.Clock));

        Assert.Equal(181, result.Polls); // the upstream's fixed 5 s poll, plus ours at the deadline
        Assert.All(fixture.Clock.Reports.SkipLast(1), r => Assert.Equal(TimeSpan.FromSeconds(5), r.NextPollIn));
    }

    [Fact]
    public void The_default_schedule_is_one_second_for_30_seconds_then_doubles_up_to_40()
    {
        var polling = new PushNotifiAckPollingOptions();
        var pauses = new List<double>();
        var elapsed = TimeSpan.Zero;
        var pause = TimeSpan.Zero;
        while (elapsed < TimeSpan.FromSeconds(200))
        {
            pause = polling.NextDelay(elapsed, pause);
            pauses.Add(pause.TotalSeconds);
            elapsed += pause;
        }

        Assert.All(pauses.Take(30), p => Assert.Equal(1, p));
        Assert.Equal([2, 4, 8, 16, 32, 40, 40], pauses.Skip(30).Take(7));
    }

    [Theory]
    [InlineData("FastInterval")]
    [InlineData("BackoffFactor")]
    [InlineData("DefaultTimeout")]
    public void An_invalid_schedule_is_refused_naming_the_setting(string setting)
    {
        var options = TestKeys.Options();
        switch (setting)
        {
            case "FastInterval": options.AckPolling.FastInterval = TimeSpan.Zero; break;
            case "BackoffFactor": options.AckPolling.BackoffFactor = 0.5; break;
            default: options.AckPolling.DefaultTimeout = TimeSpan.FromHours(2); break;
        }

        var error = Assert.Throws<PushNotifiConfigurationException>(options.Validate);

        Assert.Equal("PushNotifi:AckPolling:" + setting, error.VariableName);
    }
}
