// The README's main job: start the local sandbox, send an alert through the PushNotifi client,
// and show what the sandbox received, with every key redacted.
using System.Security.Cryptography;
using PushNotifi;
using PushNotifi.Sandbox;

// Throwaway keys made for this run only; the sandbox accepts them and nothing else does.
var userKey = "u" + RandomNumberGenerator.GetHexString(31, lowercase: true);
var groupKey = "g" + RandomNumberGenerator.GetHexString(31, lowercase: true);

await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { UserKey = userKey, GroupKey = groupKey });
Console.WriteLine($"Sandbox listening on {sandbox.BaseUrl} (user key {Redactor.LastFour(userKey)}, group key {Redactor.LastFour(groupKey)})");

var options = new PushNotifiOptions { UserKey = userKey, GroupKey = groupKey, ApiBaseUrl = sandbox.BaseUrl };
var client = new PushNotifiClient(options);

// A failed job's alert. Its text carries the key by accident; the client redacts it before sending.
var alert = PushNotifiMessage.ToDefaultGroup(
    "Cron failed: nightly-report",
    $"Timeout calling the report API with X-API-Key: {userKey} after 30000ms") with
{
    Priority = PushNotifiPriority.High,
    IdempotencyKey = "cron:nightly-report:2026-11-25T03:00:00Z",
};

Console.WriteLine($"Send #1: {await client.SendAsync(alert)}");
// The scheduler retries the same run: same idempotency key, so the phone rings once.
Console.WriteLine($"Send #2 (retry of the same run): {await client.SendAsync(alert)}");

Console.WriteLine();
Console.WriteLine($"The sandbox received {sandbox.Requests.Count} requests and delivered {sandbox.Notifications.Count} notification(s):");
foreach (var n in sandbox.Notifications)
{
    Console.WriteLine($"  id:              {n.Id}");
    Console.WriteLine($"  type:            {n.Type} -> {Redactor.LastFour(n.SendToKey)}");
    Console.WriteLine($"  title:           {n.Title}");
    Console.WriteLine($"  message:         {n.Message}");
    Console.WriteLine($"  priority:        {n.Priority}");
    Console.WriteLine($"  idempotency_key: {n.IdempotencyKey}");
    Console.WriteLine($"  X-API-Key:       {n.ApiKeyLastFour}");
}

var leaked = sandbox.Notifications.Any(n => n.RawBody.Contains(userKey, StringComparison.Ordinal));
Console.WriteLine();
Console.WriteLine(leaked ? "FAIL: the user key reached the request body." : "OK: the user key never left the X-API-Key header.");
return leaked || sandbox.Notifications.Count != 1 ? 1 : 0;
