using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PushNotifi.Sandbox;

namespace PushNotifi.Tests;

/// <summary>
/// A wrong, revoked or under-scoped key against the real sandbox: clear messages, and no self-inflicted lockout of
/// the address through the server's failed-auth limit.
/// It sets the process-wide <see cref="PushNotifiAlerts.Logger"/> but runs beside the other tests: none of them
/// sets the alert settings, and what their alerts might log there is filtered out by category.
/// </summary>
public class WrongKeyTests
{
    private const string WrongKey = "uWRONGuserKEYforTESTS00000004321";

    [Fact]
    public async Task A_wrapper_failing_a_thousand_times_with_a_wrong_key_sends_a_handful_never_trips_the_limit_and_rethrows_every_time()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        var client = new PushNotifiClient(Loopback.Options(sandbox, userKey: WrongKey), null, loggers.CreateLogger("PushNotifi"));
        var previous = PushNotifiAlerts.Logger;
        PushNotifiAlerts.Logger = loggers.CreateLogger("alerts");
        try
        {
            for (var i = 0; i < 1_000; i++)
            {
                var original = new InvalidOperationException("job " + i);
                var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Wrapped(client, original));
                Assert.Same(original, thrown);
            }
        }
        finally
        {
            PushNotifiAlerts.Logger = previous;
        }

        Assert.InRange(sandbox.Requests.Count, 1, 3);
        Assert.All(sandbox.Requests, r => Assert.Equal(401, r.StatusCode));
        Assert.True(sandbox.Requests.Count < SandboxLimits.FailedAuthPerMinute);
        Assert.Single(collector.GetSnapshot(), r => r.Category == "PushNotifi" && r.Level == LogLevel.Error);
        Assert.DoesNotContain(collector.GetSnapshot(), r => r.Message.Contains(WrongKey, StringComparison.Ordinal));

        // The address is not locked out: the right key still gets through.
        var good = Loopback.Client(Loopback.Options(sandbox));
        await good.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "still reachable"));
    }

    [Fact]
    public async Task While_paused_a_call_says_why_until_when_and_sends_nothing_then_one_probe_goes_out_after_the_backoff()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        var client = Loopback.Client(Loopback.Options(sandbox, userKey: WrongKey), time: clock);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));
        }

        var paused = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));
        var sentWhilePaused = sandbox.Requests.Count;
        clock.Advance(PushNotifiResilienceBackoff);
        await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Equal(401, paused.StatusCode); // the refusal it stands for, so nobody waits it out as transient
        Assert.Contains("was not sent", paused.Message, StringComparison.Ordinal);
        Assert.Contains("…4321", paused.Message, StringComparison.Ordinal);
        Assert.Contains("03:01:00", paused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, paused.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, sentWhilePaused);
        Assert.Equal(3, sandbox.Requests.Count);
    }

    [Fact]
    public async Task Awaiting_an_answer_with_a_refused_key_fails_at_once_even_while_calls_are_paused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var clock = new AckClock();
        var client = Loopback.Client(Loopback.Options(sandbox, userKey: WrongKey), time: clock.Time);
        await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));
        await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() =>
            clock.RunAsync(client.AwaitAckAsync("al_1", TimeSpan.FromMinutes(5), clock)));

        Assert.Equal(401, error.StatusCode);
        Assert.Empty(clock.Reports);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_its_last_four_and_how_to_fix_it()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        admin.DefaultRequestHeaders.Add("X-API-Key", TestKeys.User);
        var (id, key) = await CreateKeyAsync(admin, "send");
        using var revoke = await admin.DeleteAsync($"/api/v1/api-keys/{id}");
        var client = Loopback.Client(Loopback.Options(sandbox, userKey: key));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("revoked", error.Message, StringComparison.Ordinal);
        Assert.Contains("…" + key[^4..], error.Message, StringComparison.Ordinal);
        Assert.Contains("create or rotate one", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_key_asking_for_an_alert_status_gets_a_403_that_names_the_scope()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        admin.DefaultRequestHeaders.Add("X-API-Key", TestKeys.User);
        var (_, key) = await CreateKeyAsync(admin, "send");
        var client = Loopback.Client(Loopback.Options(sandbox, userKey: key));

        var sent = await client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M"));
        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.ListGroupsAsync());

        Assert.NotNull(sent.Id);
        Assert.Equal((403, "insufficient_scope"), (error.StatusCode, error.ErrorCode));
        Assert.Contains("lacks the scope this call needs ('full')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_rate_limited_lockout_nothing_is_sent_until_retry_after()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        using var wrong = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        wrong.DefaultRequestHeaders.Add("X-API-Key", WrongKey);
        for (var i = 0; i < SandboxLimits.FailedAuthPerMinute; i++)
        {
            using var refused = await wrong.GetAsync("/api/v1/groups"); // another app's bad loop locks the address
        }

        var client = Loopback.Client(Loopback.Options(sandbox), time: clock);
        for (var i = 0; i < 2; i++)
        {
            var limited = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));
            Assert.Equal(("RATE_LIMITED", TimeSpan.FromSeconds(60)), (limited.ErrorCode, limited.RetryAfter));
        }

        var before = sandbox.Requests.Count;
        var paused = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));
        var sentWhilePaused = sandbox.Requests.Count - before;
        clock.Advance(TimeSpan.FromSeconds(60));
        var result = await client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "after the lockout"));

        Assert.Equal(0, sentWhilePaused);
        Assert.Contains("locked out", paused.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Id);
    }

    private static readonly TimeSpan PushNotifiResilienceBackoff = PushNotifiResilience.AuthBackoff;

    /// <summary>What the generator emits for an async [PushNotifiAlert] method (see the generator's snapshots).</summary>
    private static async Task Wrapped(IPushNotifiClient client, Exception failure)
    {
        var started = PushNotifiAlertRuntime.Start();
        try
        {
            await Task.FromException(failure);
        }
        catch (Exception ex) when (PushNotifiAlertRuntime.ShouldAlert(ex, false, CancellationToken.None))
        {
            var alert = PushNotifiAlertRuntime.Failure(client, ex, started, "Jobs.RunAsync");
            alert.Title = "Job failed";
            alert.IdempotencyKey = "job:" + ex.Message;
            await alert.SendAsync(CancellationToken.None);
            throw;
        }
    }

    private static async Task<(string Id, string Key)> CreateKeyAsync(HttpClient admin, string scope)
    {
        using var response = await admin.PostAsync("/api/v1/api-keys", new StringContent($$"""{"label":"test","scope":"{{scope}}"}""", System.Text.Encoding.UTF8, "application/json"));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("api_key").GetProperty("id").GetString()!, json.RootElement.GetProperty("key").GetString()!);
    }
}
