using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Tests;

/// <summary>The client-side limit: excess sends wait up to RateLimitQueueTimeout, then fail without sending.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task With_no_queue_time_the_send_over_the_limit_fails_at_once_and_sends_nothing()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var options = Loopback.Options(sandbox);
        options.RateLimitPerMinute = 2;
        options.RateLimitQueueTimeout = TimeSpan.Zero;
        var client = Loopback.Client(options);

        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("1", "one"));
        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("2", "two"));
        var error = await Assert.ThrowsAsync<PushNotifiRateLimitExceededException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("3", "three")));

        Assert.Contains("2 sends per minute", error.Message);
        Assert.Null(error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter); // one permit back every 60 s / 2
        Assert.Equal(2, sandbox.Requests.Count);
        Assert.Equal(2, sandbox.Notifications.Count);
    }

    [Fact]
    public async Task An_excess_send_waits_for_the_queue_timeout_on_the_injected_clock_then_fails()
    {
        var clock = new FakeTimeProvider();
        await using var sandbox = await TestSandbox.StartAsync();
        var options = Loopback.Options(sandbox);
        options.RateLimitPerMinute = 1;
        options.RateLimitQueueTimeout = TimeSpan.FromSeconds(20);
        var client = Loopback.Client(options, time: clock);
        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("1", "one"));

        var waiting = client.SendAsync(PushNotifiMessage.ToDefaultGroup("2", "two"));
        await Task.WhenAny(waiting, Task.Delay(50));
        Assert.False(waiting.IsCompleted); // it waits rather than failing at once
        clock.Advance(TimeSpan.FromSeconds(19));
        await Task.WhenAny(waiting, Task.Delay(50));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<PushNotifiRateLimitExceededException>(() => waiting);
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public async Task Cancelling_a_waiting_send_cancels_it_without_sending()
    {
        var clock = new FakeTimeProvider();
        await using var sandbox = await TestSandbox.StartAsync();
        var options = Loopback.Options(sandbox);
        options.RateLimitPerMinute = 1;
        options.RateLimitQueueTimeout = TimeSpan.FromMinutes(5);
        var client = Loopback.Client(options, time: clock);
        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("1", "one"));
        using var cancel = new CancellationTokenSource();

        var waiting = client.SendAsync(PushNotifiMessage.ToDefaultGroup("2", "two"), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public async Task Without_a_limit_sends_are_not_held_back()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var options = Loopback.Options(sandbox);
        options.RateLimitQueueTimeout = TimeSpan.Zero;
        var client = Loopback.Client(options);

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(PushNotifiMessage.ToDefaultGroup("n", $"message {i}"));
        }

        Assert.Equal(5, sandbox.Notifications.Count);
    }
}
