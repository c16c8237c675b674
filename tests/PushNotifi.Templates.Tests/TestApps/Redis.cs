// Both recipes generated with --store redis. "error-rate": once Redis answers, tracks 12 concurrent errors of one
// class at a fixed time, prints how many alerts this process sent and exits. Otherwise: serves the webhook.
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PushNotifi;
using TEMPLATE_APP_NAMESPACE;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPushNotifi(builder.Configuration);

// The test machine is shared and slow: a generous operation timeout keeps a late answer from failing open.
builder.Services.AddStripeErrorRateRedis(builder.Configuration, o =>
{
    o.KeyPrefix = "template-tests:";
    o.OperationTimeout = TimeSpan.FromSeconds(5);
});
builder.Services.AddPaymentWebhookRedis(builder.Configuration, o =>
{
    o.KeyPrefix = "template-tests:";
    o.OperationTimeout = TimeSpan.FromSeconds(5);
});
builder.Services.AddHealthChecks().AddPushNotifiRedis();
var app = builder.Build();

// Fail open would hide a broken setup: wait until Redis is reached before anything is counted or claimed.
var health = app.Services.GetRequiredService<HealthCheckService>();
for (var i = 0; (await health.CheckHealthAsync()).Status != HealthStatus.Healthy; i++)
{
    if (i == 100)
    {
        Console.WriteLine("Redis did not answer");
        return 2;
    }

    await Task.Delay(100);
}

if (args is ["error-rate"])
{
    var time = new FixedTime(new DateTimeOffset(2026, 5, 10, 3, 4, 0, TimeSpan.Zero));
    var monitor = new StripeErrorRateMonitor(
        app.Services.GetRequiredService<IPushNotifiAlerter>(),
        app.Services.GetRequiredService<IPushNotifiStateStore>(),
        timeProvider: time);
    var alerts = 0;
    await Parallel.ForEachAsync(Enumerable.Range(0, 12), async (_, ct) =>
    {
        if (await monitor.TrackErrorAsync("stripe", "rate_limited", ct))
        {
            Interlocked.Increment(ref alerts);
        }
    });
    Console.WriteLine($"alerts sent: {alerts}");
    return 0;
}

app.MapPaymentWebhook((evt, _) => evt.Type == "order.fail"
    ? throw new InvalidOperationException($"fulfilment failed for {evt.Id}")
    : Task.CompletedTask);
await app.RunAsync();
return 0;

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
