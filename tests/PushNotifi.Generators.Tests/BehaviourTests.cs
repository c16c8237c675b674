using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>Generated wrappers, compiled and run against the sandbox over loopback HTTP.</summary>
[Collection(nameof(BehaviourGroup))]
public sealed class BehaviourTests : IDisposable
{
    private readonly BehaviourFixture _f;
    private readonly FakeLogger _log = new();

    public BehaviourTests(BehaviourFixture fixture)
    {
        _f = fixture;
        _f.Sandbox.Clear();
        _f.SetMode("ok");
        PushNotifiAlerts.Logger = _log;
        PushNotifiAlerts.TimeBudget = TimeSpan.FromSeconds(10);
        PushNotifiAlerts.DefaultClient = _f.Client;
        PushNotifiAlerts.Store = new InMemoryPushNotifiStateStore(); // no claims left over from another test
    }

    public void Dispose()
    {
        PushNotifiAlerts.Logger = null;
        PushNotifiAlerts.TimeBudget = PushNotifiAlerts.DefaultTimeBudget;
        PushNotifiAlerts.ResetDefaultClient();
    }

    [Fact]
    public async Task Exception_sends_one_redacted_alert_and_rethrows_the_original_with_its_stack()
    {
        _f.SetMode("throw", secret: BehaviourFixture.UserKey);
        var jobs = _f.Create("NightlyJobs", _f.Client);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BehaviourFixture.CallAsync(jobs, "RunAsync", "nightly", "2026-05-10T03:00:00Z", CancellationToken.None));

        Assert.Contains("RunCoreAsync", ex.StackTrace, StringComparison.Ordinal);
        var sent = Assert.Single(_f.Sandbox.Notifications);
        Assert.Equal("Cron failed: nightly", sent.Title);
        Assert.Equal("cron:nightly:2026-05-10T03:00:00Z", sent.IdempotencyKey);
        Assert.Equal((int)PushNotifiPriority.High, sent.Priority);
        Assert.Equal("group", sent.Type);
        Assert.Equal(BehaviourFixture.GroupKey, sent.SendToKey);
        Assert.StartsWith("System.InvalidOperationException: database refused key ", sent.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BehaviourFixture.UserKey, sent.RawBody, StringComparison.Ordinal);
        Assert.Contains(TestKeys.LastFour(BehaviourFixture.UserKey), sent.Message, StringComparison.Ordinal);
        Assert.Contains(" (after ", sent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_sends_nothing_and_returns_the_value()
    {
        var hooks = _f.Create("Webhooks", _f.Client);
        Assert.Equal(42, await BehaviourFixture.CallAsync(hooks, "HandleAsync", "evt_1", "sig-value"));
        await BehaviourFixture.CallAsync(_f.Create("NightlyJobs", _f.Client), "RunAsync", "nightly", "r1", CancellationToken.None);
        Assert.Empty(_f.Sandbox.Requests);
    }

    [Fact]
    public async Task Redacted_parameter_is_a_mark_in_texts_and_a_stable_fingerprint_in_the_key()
    {
        _f.SetMode("throw");
        var hooks = _f.Create("Webhooks", _f.Client);

        await Assert.ThrowsAsync<FormatException>(() => BehaviourFixture.CallAsync(hooks, "HandleAsync", "evt_9", "s3cr3t-signature"));
        var first = Assert.Single(_f.Sandbox.Notifications);
        Assert.Equal("Webhook evt_9 rejected ([redacted])", first.Title);
        Assert.Equal((int)PushNotifiPriority.Emergency, first.Priority);
        Assert.Equal("wh:evt_9:" + _f.Client.Redactor.Fingerprint("s3cr3t-signature"), first.IdempotencyKey);
        Assert.DoesNotContain("s3cr3t-signature", first.RawBody, StringComparison.Ordinal);

        // The same event again: same key, already claimed within the suppression window, so nothing is sent.
        await Assert.ThrowsAsync<FormatException>(() => BehaviourFixture.CallAsync(hooks, "HandleAsync", "evt_9", "s3cr3t-signature"));
        Assert.Single(_f.Sandbox.Requests);
    }

    [Fact]
    public async Task Static_sync_wrapper_uses_the_default_client_and_keeps_the_stack()
    {
        _f.SetMode("throw");
        var ex = await Assert.ThrowsAsync<IOException>(() => BehaviourFixture.CallAsync(_f.Type("Maintenance"), "Apply", "/var/tmp"));
        Assert.Contains("ApplyCore", ex.StackTrace, StringComparison.Ordinal);
        var sent = Assert.Single(_f.Sandbox.Notifications);
        Assert.Equal("Cleanup of /var/tmp failed", sent.Title);
        Assert.Equal("cleanup:/var/tmp", sent.IdempotencyKey);
    }

    [Fact]
    public async Task NotifyOnSuccess_sends_the_quiet_success_alert_and_the_loud_failure_alert()
    {
        var migrations = _f.Create("Migrations", _f.Client);
        Assert.Equal(7, await BehaviourFixture.CallAsync(migrations, "Apply", "add-index", 7));
        var ok = Assert.Single(_f.Sandbox.Notifications);
        Assert.Equal("Migration applied: add-index", ok.Title);
        Assert.Equal("version 7 ok", ok.Message);
        Assert.Equal("mig:ok:add-index:7", ok.IdempotencyKey);
        Assert.Equal((int)PushNotifiPriority.Low, ok.Priority);

        _f.Sandbox.Clear();
        _f.SetMode("throw");
        await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(migrations, "Apply", "add-index", 8));
        var failed = Assert.Single(_f.Sandbox.Notifications);
        Assert.Equal("Migration FAILED: add-index", failed.Title);
        Assert.Equal("version 8: migration broke", failed.Message);
        Assert.Equal((int)PushNotifiPriority.Emergency, failed.Priority);
    }

    [Fact]
    public async Task A_wrapper_with_its_own_window_sends_again_once_that_window_has_passed_and_zero_never_suppresses()
    {
        var time = new FakeTimeProvider();
        PushNotifiAlerts.Store = new InMemoryPushNotifiStateStore(time);
        var windows = _f.Create("Windows", _f.Client);

        // SuppressionWindowSeconds = 60: the repeat within the minute is suppressed, the one after it is sent,
        // although the global window (5 minutes) has not passed.
        await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(windows, "FailMinute", "rates"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(windows, "FailMinute", "rates"));
        Assert.Single(_f.Sandbox.Requests);
        time.Advance(TimeSpan.FromSeconds(61));
        await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(windows, "FailMinute", "rates"));
        Assert.Equal(2, _f.Sandbox.Requests.Count);

        // SuppressionWindowSeconds = 0: every failure is sent (the server deduplicates the key).
        _f.Sandbox.Clear();
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(windows, "FailEvery", "rates"));
        }

        Assert.Equal(3, _f.Sandbox.Requests.Count);
    }

    [Fact]
    public async Task Nested_wrappers_alert_once_for_one_exception()
    {
        var steps = _f.Create("Steps", _f.Client);
        var pipeline = _f.Create("Pipeline", _f.Client, steps);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(pipeline, "RunAsync", "etl"));
        Assert.Equal("step broke: etl/1", ex.Message);
        var sent = Assert.Single(_f.Sandbox.Notifications);
        Assert.Equal("Step etl/1 failed", sent.Title);
        Assert.Single(_f.Sandbox.Requests);
    }

    [Fact]
    public async Task Failing_alert_is_logged_without_the_key_and_the_original_exception_still_arrives()
    {
        _f.SetMode("throw");
        _f.Sandbox.Faults.FailNext(1, 500);
        var ex = await Assert.ThrowsAsync<IOException>(() => BehaviourFixture.CallAsync(_f.Type("Maintenance"), "Apply", "/data"));
        Assert.Equal("disk full at /data", ex.Message);
        var record = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Contains("Maintenance.Apply", record.Message, StringComparison.Ordinal);
        Assert.Contains("500", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BehaviourFixture.UserKey, record.Message, StringComparison.Ordinal);
        Assert.Empty(_f.Sandbox.Notifications);
    }

    [Fact]
    public async Task Hanging_sandbox_gives_up_after_the_time_budget_and_rethrows()
    {
        PushNotifiAlerts.TimeBudget = TimeSpan.FromMilliseconds(300);
        _f.Sandbox.Faults.DelayNext(1, TimeSpan.FromMinutes(5));
        _f.SetMode("throw");
        var jobs = _f.Create("NightlyJobs", _f.Client);

        var call = BehaviourFixture.CallAsync(jobs, "RunAsync", "nightly", "r2", CancellationToken.None);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.Same(call, finished); // a safety net only: without the budget the call would hang for 5 minutes
        await Assert.ThrowsAsync<InvalidOperationException>(() => call);
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Message.Contains("NightlyJobs.RunAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hanging_sync_alert_also_respects_the_budget()
    {
        PushNotifiAlerts.TimeBudget = TimeSpan.FromMilliseconds(300);
        _f.Sandbox.Faults.DelayNext(1, TimeSpan.FromMinutes(5));
        _f.SetMode("throw");
        var call = Task.Run(() => BehaviourFixture.CallAsync(_f.Type("Maintenance"), "Apply", "/slow"));
        Assert.Same(call, await Task.WhenAny(call, Task.Delay(TimeSpan.FromMinutes(2))));
        await Assert.ThrowsAsync<IOException>(() => call);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_alerted_by_default()
    {
        _f.SetMode("cancel");
        using var cts = new CancellationTokenSource();
        var call = BehaviourFixture.CallAsync(_f.Create("NightlyJobs", _f.Client), "RunAsync", "nightly", "r3", cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Empty(_f.Sandbox.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_is_alerted_and_delivered_when_asked()
    {
        using var cts = new CancellationTokenSource();
        var call = BehaviourFixture.CallAsync(_f.Create("Cancellable", _f.Client), "WaitAsync", 5, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // The caller's token is already cancelled; the alert goes out under its own time budget.
        var sent = Assert.Single(_f.Sandbox.Notifications);
        Assert.Equal("Cancelled 5", sent.Title);
        Assert.Equal("cancel:5", sent.IdempotencyKey);
        Assert.StartsWith("System.Threading.Tasks.TaskCanceledException", sent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_during_a_slow_alert_returns_the_original_exception()
    {
        PushNotifiAlerts.TimeBudget = TimeSpan.FromMinutes(10);
        _f.Sandbox.Faults.DelayNext(1, TimeSpan.FromMinutes(5));
        _f.SetMode("throw");
        using var cts = new CancellationTokenSource();
        var call = BehaviourFixture.CallAsync(_f.Create("NightlyJobs", _f.Client), "RunAsync", "nightly", "r4", cts.Token);
        while (_f.Sandbox.Requests.Count == 0 && !call.IsCompleted)
        {
            await Task.Delay(10);
        }

        await cts.CancelAsync();
        Assert.Same(call, await Task.WhenAny(call, Task.Delay(TimeSpan.FromMinutes(2))));
        await Assert.ThrowsAsync<InvalidOperationException>(() => call);
    }

    [Fact]
    public async Task Long_texts_are_cut_to_the_documented_limits_instead_of_failing()
    {
        var text = new string('x', 3000);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(_f.Create("Texts", _f.Client), "Fail", text));
        var sent = Assert.Single(_f.Sandbox.Notifications);
        Assert.Equal(PushNotifiLimits.TitleLength, sent.Title!.Length);
        Assert.EndsWith("…", sent.Title, StringComparison.Ordinal);
        Assert.Equal(PushNotifiLimits.MessageLength, sent.Message.Length);
        Assert.True(sent.IdempotencyKey!.Length <= PushNotifiLimits.IdempotencyKeyLength);
    }
}

/// <summary>Generated wrappers whose type holds an <see cref="IPushNotifiAlerter"/>, run against fakes and the container's alerter.</summary>
[Collection(nameof(BehaviourGroup))]
public sealed class AlerterWrapperTests
{
    private const string Token = "tok-s3cr3t-value";

    private readonly BehaviourFixture _f;

    public AlerterWrapperTests(BehaviourFixture fixture)
    {
        _f = fixture;
        _f.Sandbox.Clear();
        _f.SetMode("throw", secret: BehaviourFixture.UserKey);
    }

    [Fact]
    public async Task A_wrapper_holding_an_alerter_hands_it_the_alert_and_never_touches_the_default_client()
    {
        var alerter = new RecordingAlerter();
        var jobs = _f.Create("AlertedJobs", alerter);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(jobs, "RunAsync", "nightly", Token));

        Assert.Contains(Token, ex.Message, StringComparison.Ordinal); // the original exception, unchanged
        var alert = Assert.Single(alerter.Alerts);
        Assert.Equal("Job nightly failed", alert.Title);
        Assert.Equal("AlertedJobs.RunAsync", alert.Source);
        Assert.Equal(PushNotifiPriority.High, alert.Priority);
        Assert.DoesNotContain(Token, alert.Message + alert.IdempotencyKey, StringComparison.Ordinal);
        Assert.StartsWith("job:nightly:", alert.IdempotencyKey, StringComparison.Ordinal);
        Assert.Empty(_f.Sandbox.Requests);
    }

    [Fact]
    public async Task Through_the_containers_alerter_a_fake_client_gets_redacted_alerts_once_per_key_from_async_and_sync_wrappers()
    {
        var fake = new RecordingClient();
        var services = new ServiceCollection();
        services.AddPushNotifi(o =>
        {
            o.UserKey = BehaviourFixture.UserKey;
            o.GroupKey = BehaviourFixture.GroupKey;
            o.ApiBaseUrl = _f.Sandbox.BaseUrl;
        });
        services.AddSingleton<IPushNotifiClient>(fake);
        using var provider = services.BuildServiceProvider();
        var jobs = _f.Create("AlertedJobs", provider.GetRequiredService<IPushNotifiAlerter>());

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(jobs, "RunAsync", "nightly", Token));
            await Assert.ThrowsAsync<InvalidOperationException>(() => BehaviourFixture.CallAsync(jobs, "Run", "etl"));
        }

        Assert.Equal(2, fake.Messages.Count);
        Assert.All(fake.Messages, m => Assert.DoesNotContain(BehaviourFixture.UserKey, m.Message, StringComparison.Ordinal));
        Assert.All(fake.Messages, m => Assert.Contains(TestKeys.LastFour(BehaviourFixture.UserKey), m.Message, StringComparison.Ordinal));
        Assert.Equal(["Job nightly failed", "Step etl failed"], fake.Messages.Select(m => m.Title));
        Assert.Empty(_f.Sandbox.Requests);
    }

    private sealed class RecordingAlerter : IPushNotifiAlerter
    {
        public List<PushNotifiAlert> Alerts { get; } = [];

        public Task<PushNotifiAlertOutcome> TrySendAlertAsync(PushNotifiAlert alert, CancellationToken cancellationToken = default)
        {
            lock (Alerts)
            {
                Alerts.Add(alert);
            }

            return Task.FromResult(PushNotifiAlertOutcome.Sent(new PushNotifiSendResult("ok", null, "n_1", false)));
        }
    }

    private sealed class RecordingClient : IPushNotifiClient
    {
        public List<PushNotifiMessage> Messages { get; } = [];

        public Task<PushNotifiSendResult> SendAsync(PushNotifiMessage message, CancellationToken cancellationToken = default)
        {
            lock (Messages)
            {
                Messages.Add(message);
            }

            return Task.FromResult(new PushNotifiSendResult("ok", null, "n_1", false));
        }

        public Task<IReadOnlyList<PushNotifiApplication>> ListApplicationsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PushNotifiApplication> GetApplicationAsync(string applicationKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PushNotifiGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PushNotifiSentMessage>> ListMessagesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}

/// <summary>
/// Behaviour tests share one sandbox and one compiled assembly, and change the process-wide alert settings, so they
/// run one after another; beside the other generator tests, which never touch those settings.
/// </summary>
[CollectionDefinition(nameof(BehaviourGroup))]
public sealed class BehaviourGroup : ICollectionFixture<BehaviourFixture>
{
}
