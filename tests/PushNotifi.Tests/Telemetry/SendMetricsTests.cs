using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PushNotifi.Diagnostics;

namespace PushNotifi.Tests.Telemetry;

/// <summary><c>pushnotifi.client.sends</c> and <c>pushnotifi.client.send.duration</c>, one outcome at a time, against the sandbox.</summary>
public class SendMetricsTests
{
    private static PushNotifiMessage Message(string? key = null, PushNotifiPriority? priority = null) =>
        new() { Title = "disk", Message = "disk almost full", IdempotencyKey = key, Priority = priority };

    [Fact]
    public async Task A_delivered_send_counts_once_with_its_priority_and_a_duration()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var sends = rig.Collect<long>(PushNotifiMetrics.Sends);
        using var duration = rig.Collect<double>(PushNotifiMetrics.SendDuration);

        await rig.Client(sandbox).SendAsync(Message(priority: PushNotifiPriority.High), TestContext.Current.CancellationToken);

        var sent = Assert.Single(sends.GetMeasurementSnapshot());
        Assert.Equal(1, sent.Value);
        Assert.Equal("delivered", sent.Tags[TelemetryTags.SendOutcome]);
        Assert.Equal("high", sent.Tags[TelemetryTags.Priority]);
        Assert.False(sent.Tags.ContainsKey(TelemetryTags.ErrorType));
        var took = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.True(took.Value >= 0);
        Assert.Equal("delivered", took.Tags[TelemetryTags.SendOutcome]);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_counts_as_a_duplicate()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var sends = rig.Collect<long>(PushNotifiMetrics.Sends);
        var client = rig.Client(sandbox);

        await client.SendAsync(Message("disk-1"), TestContext.Current.CancellationToken);
        await client.SendAsync(Message("disk-1"), TestContext.Current.CancellationToken);

        Assert.Equal(["delivered", "duplicate"], sends.GetMeasurementSnapshot().Select(m => m.Tags[TelemetryTags.SendOutcome]));
    }

    [Fact]
    public async Task A_refused_key_counts_as_failed_with_error_type_unauthorized()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var sends = rig.Collect<long>(PushNotifiMetrics.Sends);
        using var duration = rig.Collect<double>(PushNotifiMetrics.SendDuration);

        await Assert.ThrowsAsync<PushNotifiException>(() => rig.Client(sandbox, userKey: TestKeys.WrongUser).SendAsync(Message(), TestContext.Current.CancellationToken));

        var failed = Assert.Single(sends.GetMeasurementSnapshot());
        Assert.Equal("failed", failed.Tags[TelemetryTags.SendOutcome]);
        Assert.Equal("unauthorized", failed.Tags[TelemetryTags.ErrorType]);
        Assert.Equal("unauthorized", Assert.Single(duration.GetMeasurementSnapshot()).Tags[TelemetryTags.ErrorType]);
    }

    [Fact]
    public async Task A_server_error_after_the_retries_counts_as_failed_with_error_type_server()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var sends = rig.Collect<long>(PushNotifiMetrics.Sends);
        sandbox.Faults.FailNext(10, 500);

        await Assert.ThrowsAsync<PushNotifiException>(() => rig.Client(sandbox, o => o.MaxRetryAttempts = 1).SendAsync(Message("k"), TestContext.Current.CancellationToken));

        var failed = Assert.Single(sends.GetMeasurementSnapshot());
        Assert.Equal(("failed", "server"), (failed.Tags[TelemetryTags.SendOutcome], failed.Tags[TelemetryTags.ErrorType]));
    }

    [Fact]
    public async Task The_client_side_limit_counts_as_rate_limited()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var sends = rig.Collect<long>(PushNotifiMetrics.Sends);
        var client = rig.Client(sandbox, o =>
        {
            o.RateLimitPerMinute = 1;
            o.RateLimitQueueTimeout = TimeSpan.Zero;
        });

        await client.SendAsync(Message(), TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<PushNotifiRateLimitExceededException>(() => client.SendAsync(Message(), TestContext.Current.CancellationToken));

        var limited = sends.GetMeasurementSnapshot()[1];
        Assert.Equal(("rate_limited", "rate_limited"), (limited.Tags[TelemetryTags.SendOutcome], limited.Tags[TelemetryTags.ErrorType]));
        Assert.Single(sandbox.Notifications);
    }

    [Fact]
    public async Task An_invalid_message_counts_as_failed_with_error_type_validation()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var sends = rig.Collect<long>(PushNotifiMetrics.Sends);

        await Assert.ThrowsAsync<PushNotifiValidationException>(() => rig.Client(sandbox).SendAsync(new PushNotifiMessage { Message = "" }, TestContext.Current.CancellationToken));

        var failed = Assert.Single(sends.GetMeasurementSnapshot());
        Assert.Equal(("failed", "validation"), (failed.Tags[TelemetryTags.SendOutcome], failed.Tags[TelemetryTags.ErrorType]));
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task A_storm_of_one_alert_counts_one_delivered_and_the_rest_suppressed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var rig = new TelemetryRig();
        using var sends = rig.Collect<long>(PushNotifiMetrics.Sends);
        var client = rig.Client(sandbox);
        var alerter = new PushNotifiAlerter(client, client.Redactor, new InMemoryPushNotifiStateStore(TimeProvider.System), metrics: rig.Metrics);
        var alert = new PushNotifiAlert("db down", "connection refused") { IdempotencyKey = "db-down", SuppressionWindow = TimeSpan.FromMinutes(5) };

        for (var i = 0; i < 3; i++)
        {
            await alerter.TrySendAlertAsync(alert, TestContext.Current.CancellationToken);
        }

        Assert.Equal(["delivered", "suppressed", "suppressed"], sends.GetMeasurementSnapshot().Select(m => m.Tags[TelemetryTags.SendOutcome]));
        Assert.All(sends.GetMeasurementSnapshot(), m => Assert.Equal("high", m.Tags[TelemetryTags.Priority]));
    }

    [Fact]
    public async Task Under_a_container_the_instruments_come_from_its_meter_factory()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var services = new ServiceCollection();
        services.AddPushNotifi(o =>
        {
            o.UserKey = TestKeys.User;
            o.GroupKey = TestKeys.Group;
            o.ApiBaseUrl = sandbox.BaseUrl;
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IMeterFactory>();
        using var sends = new MetricCollector<long>(factory, PushNotifiTelemetry.MeterName, PushNotifiMetrics.Sends);
        using var redactions = new MetricCollector<long>(factory, PushNotifiTelemetry.MeterName, PushNotifiMetrics.Redactions);

        await provider.GetRequiredService<IPushNotifiClient>().SendAsync(Message(), TestContext.Current.CancellationToken);
        provider.GetRequiredService<Redactor>().Redact("key " + TestKeys.User);

        Assert.Equal("delivered", Assert.Single(sends.GetMeasurementSnapshot()).Tags[TelemetryTags.SendOutcome]);
        Assert.Equal("configured", Assert.Single(redactions.GetMeasurementSnapshot()).Tags[TelemetryTags.RedactionFamily]);
    }
}
