// Drives the pushnotifi-error-rate recipe at a fixed time: 12 concurrent errors of one class, 4 of another.
// "cancelled": the caller's own 1-second timeout runs out while the window's alert hangs; tracking must not throw.
using PushNotifi;
using TEMPLATE_APP_NAMESPACE;

var time = new FixedTime(new DateTimeOffset(2026, 5, 10, 3, 4, 0, TimeSpan.Zero));
var monitor = new StripeErrorRateMonitor(PushNotifiAlerts.Alerter, new InMemoryPushNotifiStateStore(time), timeProvider: time);
var alerts = 0;
if (args is ["cancelled"])
{
    for (var i = 0; i < monitor.Threshold; i++)
    {
        using var callerTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        if (await monitor.TrackErrorAsync("stripe", "timeout", callerTimeout.Token))
        {
            alerts++;
        }
    }

    Console.WriteLine($"alerts sent: {alerts}");
    return alerts == 0 ? 0 : 1;
}

await Parallel.ForEachAsync(Enumerable.Range(0, 12), async (_, ct) =>
{
    if (await monitor.TrackErrorAsync("stripe", "rate_limited", ct))
    {
        Interlocked.Increment(ref alerts);
    }
});
for (var i = 0; i < 4; i++)
{
    if (await monitor.TrackErrorAsync("stripe", "card_declined"))
    {
        alerts++;
    }
}

Console.WriteLine($"alerts sent: {alerts}; threshold {monitor.Threshold}; window {monitor.Window}");
return alerts == 1 ? 0 : 1;

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
