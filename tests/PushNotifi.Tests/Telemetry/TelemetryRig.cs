using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PushNotifi.Diagnostics;
using PushNotifi.Sandbox;

namespace PushNotifi.Tests.Telemetry;

/// <summary>
/// A meter of the test's own, so its collectors see only this test's measurements however many tests run at once,
/// and clients that record on it.
/// </summary>
internal sealed class TelemetryRig : IDisposable
{
    private readonly Meter _meter = new(PushNotifiTelemetry.MeterName);

    internal TelemetryRig() => Metrics = new PushNotifiMetrics(_meter);

    internal PushNotifiMetrics Metrics { get; }

    internal Meter Meter => _meter;

    internal MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_meter, instrument);

    /// <summary>A client on <paramref name="sandbox"/> that records on this rig's meter.</summary>
    internal PushNotifiClient Client(SandboxServer sandbox, Action<PushNotifiOptions>? configure = null, TimeProvider? time = null, string? userKey = null)
    {
        var options = Loopback.Options(sandbox, userKey);
        configure?.Invoke(options);
        return Client(options, time);
    }

    internal PushNotifiClient Client(PushNotifiOptions options, TimeProvider? time = null) =>
        new(options, httpClient: null, logger: null, time, sharedRateLimiter: null, metrics: Metrics);

    public void Dispose() => _meter.Dispose();
}
