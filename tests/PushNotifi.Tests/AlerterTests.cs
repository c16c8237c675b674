using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PushNotifi.Sandbox;

namespace PushNotifi.Tests;

/// <summary>
/// <see cref="IPushNotifiAlerter"/> from the container, against the real sandbox: it never throws, claims once in the
/// container's store, redacts with the container's redactor whatever client is registered, and says what happened.
/// </summary>
public class AlerterTests
{
    [Fact]
    public async Task A_decorated_client_in_the_container_keeps_redaction_and_storm_suppression()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var counting = new CountingClient(Loopback.Client(Loopback.Options(sandbox)));
        using var services = Container(sandbox, s => s.AddSingleton<IPushNotifiClient>(counting));
        var alerter = services.GetRequiredService<IPushNotifiAlerter>();
        var alert = new PushNotifiAlert("Job failed for " + TestKeys.User, "database refused key " + TestKeys.User)
        {
            IdempotencyKey = "job:nightly",
        };

        var outcomes = new List<PushNotifiAlertOutcome>();
        for (var i = 0; i < 50; i++)
        {
            outcomes.Add(await alerter.TrySendAlertAsync(alert));
        }

        Assert.Equal(PushNotifiAlertStatus.Sent, outcomes[0].Status);
        Assert.All(outcomes.Skip(1), o => Assert.Equal(PushNotifiAlertStatus.Suppressed, o.Status));
        Assert.Equal(1, counting.Sends);
        var sent = Assert.Single(sandbox.Notifications);
        Assert.DoesNotContain(TestKeys.User, sent.RawBody, StringComparison.Ordinal);
        Assert.Contains(TestKeys.LastFour(TestKeys.User), sent.Message, StringComparison.Ordinal);

        // Claimed in the container's store, where the recipes and every instance (with Redis) look.
        var store = services.GetRequiredService<IPushNotifiStateStore>();
        Assert.False(await store.TryClaimAsync("alert:job:nightly", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_fake_client_gets_redacted_texts_and_a_repeat_within_the_window_is_not_sent()
    {
        var fake = new RecordingClient();
        using var services = Container(sandbox: null, s => s.AddSingleton<IPushNotifiClient>(fake), o => o.AlertSuppressionWindow = TimeSpan.FromMinutes(1));
        var alerter = services.GetRequiredService<IPushNotifiAlerter>();

        var first = await alerter.TrySendAlertAsync(new PushNotifiAlert("T", "key " + TestKeys.User) { IdempotencyKey = "k:" + TestKeys.User });
        var second = await alerter.TrySendAlertAsync(new PushNotifiAlert("T", "key " + TestKeys.User) { IdempotencyKey = "k:" + TestKeys.User });

        Assert.Equal((PushNotifiAlertStatus.Sent, PushNotifiAlertStatus.Suppressed), (first.Status, second.Status));
        var message = Assert.Single(fake.Messages);
        Assert.DoesNotContain(TestKeys.User, message.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.User, message.IdempotencyKey!, StringComparison.Ordinal);
        Assert.Equal(PushNotifiPriority.High, message.Priority);
    }

    [Fact]
    public async Task Refused_keys_server_errors_and_dropped_connections_are_outcomes_with_their_kind()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var services = Container(sandbox, configure: o => o.AlertSuppressionWindow = TimeSpan.Zero);
        var alerter = services.GetRequiredService<IPushNotifiAlerter>();

        sandbox.Faults.FailNext(1, 503);
        var server = await alerter.TrySendAlertAsync(new PushNotifiAlert("T", "server"));
        sandbox.Faults.DropNext(1);
        var dropped = await alerter.TrySendAlertAsync(new PushNotifiAlert("T", "dropped"));
        sandbox.Faults.FailNext(1, 401);
        var refused = await alerter.TrySendAlertAsync(new PushNotifiAlert("T", "refused"));

        Assert.Equal((PushNotifiAlertStatus.Failed, PushNotifiFailureKind.Server), (server.Status, server.FailureKind));
        Assert.Equal((PushNotifiAlertStatus.Failed, PushNotifiFailureKind.Network), (dropped.Status, dropped.FailureKind));
        Assert.Equal((PushNotifiAlertStatus.Failed, PushNotifiFailureKind.Unauthorized), (refused.Status, refused.FailureKind));
        Assert.All([server, dropped, refused], o => Assert.DoesNotContain(TestKeys.User, o.Reason!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hanging_API_is_given_up_after_the_budget_and_a_cancelled_caller_is_cancelled()
    {
        var sandboxClock = new FakeTimeProvider(); // never advanced: injected delays never end
        await using var sandbox = await TestSandbox.StartAsync(clock: sandboxClock);
        using var shortBudget = Container(sandbox, configure: o => o.AlertTimeBudget = TimeSpan.FromMilliseconds(200));
        using var longBudget = Container(sandbox, configure: o => o.AlertTimeBudget = TimeSpan.FromHours(1));
        sandbox.Faults.DelayNext(2, TimeSpan.FromHours(1));

        // Whether the short budget ran out before or after its request reached the sandbox (on a loaded machine, 200 ms
        // can pass before it leaves), it is a timeout; the long one is cancelled once its own request is in.
        var timedOut = await shortBudget.GetRequiredService<IPushNotifiAlerter>().TrySendAlertAsync(new PushNotifiAlert("T", "slow"));
        using var cts = new CancellationTokenSource();
        var pending = longBudget.GetRequiredService<IPushNotifiAlerter>().TrySendAlertAsync(new PushNotifiAlert("T", "cancelled"), cts.Token);
        await Loopback.WaitForRequestAsync(sandbox, r => r.Body.Contains("cancelled", StringComparison.Ordinal));
        await cts.CancelAsync();
        var cancelled = await pending;

        Assert.Equal((PushNotifiAlertStatus.TimedOut, PushNotifiFailureKind.Timeout), (timedOut.Status, timedOut.FailureKind));
        Assert.Equal(PushNotifiAlertStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public async Task An_invalid_alert_fails_as_validation_without_a_request()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var services = Container(sandbox, configure: o => o.GroupKey = null);

        var outcome = await services.GetRequiredService<IPushNotifiAlerter>().TrySendAlertAsync(new PushNotifiAlert("T", "no group"));

        Assert.Equal((PushNotifiAlertStatus.Failed, PushNotifiFailureKind.Validation), (outcome.Status, outcome.FailureKind));
        Assert.Empty(sandbox.Requests);
    }

    [Theory]
    [InlineData("AlertTimeBudget", "00:00:00")]
    [InlineData("AlertSuppressionWindow", "-00:00:01")]
    public void A_bad_alert_setting_is_refused_naming_it(string setting, string value)
    {
        var options = TestKeys.Options();
        typeof(PushNotifiOptions).GetProperty(setting)!.SetValue(options, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.Throws<PushNotifiConfigurationException>(options.Validate);

        Assert.Equal("PushNotifi:" + setting, error.VariableName);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Container(SandboxServer? sandbox, Action<IServiceCollection>? register = null, Action<PushNotifiOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddPushNotifi(o =>
        {
            o.UserKey = TestKeys.User;
            o.GroupKey = TestKeys.Group;
            o.ApiBaseUrl = sandbox?.BaseUrl ?? "http://127.0.0.1:9";
            o.MaxRetryAttempts = 0;
            configure?.Invoke(o);
        });
        register?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>A user's decorator: counts sends and passes them on.</summary>
    private sealed class CountingClient(IPushNotifiClient inner) : IPushNotifiClient
    {
        private int _sends;

        public int Sends => Volatile.Read(ref _sends);

        public Task<PushNotifiSendResult> SendAsync(PushNotifiMessage message, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _sends);
            return inner.SendAsync(message, cancellationToken);
        }

        public Task<IReadOnlyList<PushNotifiApplication>> ListApplicationsAsync(CancellationToken cancellationToken = default) => inner.ListApplicationsAsync(cancellationToken);

        public Task<PushNotifiApplication> GetApplicationAsync(string applicationKey, CancellationToken cancellationToken = default) => inner.GetApplicationAsync(applicationKey, cancellationToken);

        public Task<IReadOnlyList<PushNotifiGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) => inner.ListGroupsAsync(cancellationToken);

        public Task<IReadOnlyList<PushNotifiSentMessage>> ListMessagesAsync(CancellationToken cancellationToken = default) => inner.ListMessagesAsync(cancellationToken);
    }

    /// <summary>A user's fake: records what it was asked to send and sends nothing.</summary>
    private sealed class RecordingClient : IPushNotifiClient
    {
        public List<PushNotifiMessage> Messages { get; } = [];

        public Task<PushNotifiSendResult> SendAsync(PushNotifiMessage message, CancellationToken cancellationToken = default)
        {
            lock (Messages)
            {
                Messages.Add(message);
            }

            return Task.FromResult(new PushNotifiSendResult("ok", "al_1", "n_1", false));
        }

        public Task<IReadOnlyList<PushNotifiApplication>> ListApplicationsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<PushNotifiApplication> GetApplicationAsync(string applicationKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PushNotifiGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PushNotifiSentMessage>> ListMessagesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
