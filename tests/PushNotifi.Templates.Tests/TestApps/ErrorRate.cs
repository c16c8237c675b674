// Drives the pushnotifi-error-rate recipe at a fixed time: 12 concurrent errors of one class, 4 of another.
using PushNotifi;
using TEMPLATE_APP_NAMESPACE;

var time = new FixedTime(new DateTimeOffset(2026, 5, 10, 3, 4, 0, TimeSpan.Zero));
var client = new PushNotifiClient(PushNotifiOptions.FromEnvironment());
var monitor = new StripeErrorRateMonitor(client, new InMemoryPushNotifiStateStore(time), timeProvider: time);
var alerts = 0;
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
