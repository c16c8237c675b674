using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PushNotifi;
using PushNotifi.Redis.TestApp;
using StackExchange.Redis;

// One instance: hammers the same failing wrapper, the same error class and the shared rate limit, then prints
// what it did as one JSON line. Settings come from PUSHNOTIFI_* and TESTAPP_* variables set by the test.
var redis = Environment.GetEnvironmentVariable("TESTAPP_REDIS")!;
var prefix = Environment.GetEnvironmentVariable("TESTAPP_PREFIX")!;
var failures = int.Parse(Environment.GetEnvironmentVariable("TESTAPP_FAILURES") ?? "20000", CultureInfo.InvariantCulture);
var sends = int.Parse(Environment.GetEnvironmentVariable("TESTAPP_SENDS") ?? "10", CultureInfo.InvariantCulture);
var instance = Environment.GetEnvironmentVariable("TESTAPP_INSTANCE") ?? "0";

var services = new ServiceCollection();
services.AddLogging(b => b.AddFilter(_ => false));
services.AddPushNotifi(o =>
{
    o.RateLimitPerMinute = int.Parse(Environment.GetEnvironmentVariable("TESTAPP_RATE_LIMIT")!, CultureInfo.InvariantCulture);
    o.RateLimitQueueTimeout = TimeSpan.Zero;
});
// This app shows sharing, not failing open (FaultTests does): connected before the start moment, and a generous
// operation timeout. Calls made while the first connection is coming up, or slower than the default timeout, fail
// open to memory by design, and on a loaded machine that sent a key's alert twice and passed the shared limit.
await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
services.AddPushNotifiRedis(o =>
{
    o.Connection = connection;
    o.KeyPrefix = prefix;
    o.OperationTimeout = TimeSpan.FromSeconds(30);
});
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IPushNotifiClient>();
var store = provider.GetRequiredService<IPushNotifiStateStore>();
var jobs = new StormJobs(client);

// Every instance waits for the same moment, so the hammering overlaps.
var startAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Environment.GetEnvironmentVariable("TESTAPP_START_AT")!, CultureInfo.InvariantCulture));
if (startAt - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
{
    await Task.Delay(wait);
}

var unexpected = 0;
for (var i = 0; i < failures; i++)
{
    try
    {
        await jobs.RunAsync("job-1", CancellationToken.None);
    }
    catch (InvalidOperationException)
    {
        // the job's own failure, rethrown by the wrapper: expected
    }
    catch (Exception)
    {
        unexpected++;
    }

    // The error-rate recipe's pattern: count, and alert once when the window's count reaches the threshold.
    if (await store.IncrementAsync("rate:stripe:503", TimeSpan.FromMinutes(5)) >= 100
        && await store.TryClaimAsync("rate-alert:stripe:503", TimeSpan.FromMinutes(5)))
    {
        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("stripe error-rate threshold", "100 errors") with { IdempotencyKey = "rate:stripe:503:" + instance });
    }
}

var sent = 0;
var refused = 0;
for (var i = 0; i < sends; i++)
{
    try
    {
        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("limited", $"send {i} of instance {instance}") with { IdempotencyKey = $"limited:{instance}:{i}" });
        sent++;
    }
    catch (PushNotifiRateLimitExceededException)
    {
        refused++;
    }
}

Console.WriteLine(FormattableString.Invariant($"sent={sent} refused={refused} unexpected={unexpected}"));
