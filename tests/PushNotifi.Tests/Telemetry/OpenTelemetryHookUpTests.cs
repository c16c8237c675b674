using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PushNotifi.Diagnostics;
using PushNotifi.OpenTelemetry;

namespace PushNotifi.Tests.Telemetry;

/// <summary>PushNotifi.OpenTelemetry: <c>AddPushNotifiInstrumentation()</c> on both builders gets the runtime's metrics and spans to an exporter.</summary>
public class OpenTelemetryHookUpTests
{
    private static readonly ActivitySource s_tests = new("PushNotifi.Tests.OpenTelemetry");

    [Fact]
    public void The_package_names_the_runtimes_meter_and_source()
    {
        Assert.Equal(PushNotifiTelemetry.MeterName, PushNotifiInstrumentationExtensions.Name);
        Assert.Equal(PushNotifiTelemetry.ActivitySourceName, PushNotifiInstrumentationExtensions.Name);
    }

    [Fact]
    public async Task A_send_reaches_the_exporters_of_providers_built_with_AddPushNotifiInstrumentation()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using var meterProvider = Sdk.CreateMeterProviderBuilder().AddPushNotifiInstrumentation().AddInMemoryExporter(metrics).Build();
        using var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(s_tests.Name).AddPushNotifiInstrumentation().AddInMemoryExporter(spans).Build();

        // A client made by hand records on the process-wide PushNotifi meter, which the provider finds by name.
        ActivityTraceId trace;
        using (var root = s_tests.StartActivity("test"))
        {
            trace = root!.TraceId;
            await Loopback.Client(Loopback.Options(sandbox)).SendAsync(new PushNotifiMessage { Message = "disk almost full" }, TestContext.Current.CancellationToken);
        }

        meterProvider.ForceFlush();
        tracerProvider.ForceFlush();

        Assert.Contains(metrics, m => m.Name == PushNotifiMetrics.Sends && m.MeterName == PushNotifiTelemetry.MeterName);
        Assert.Contains(metrics, m => m.Name == PushNotifiMetrics.SendDuration && m.Unit == "s");
        var send = Assert.Single(spans, s => s.TraceId == trace && s.Source.Name == PushNotifiTelemetry.ActivitySourceName);
        Assert.Equal("delivered", send.GetTagItem(TelemetryTags.SendOutcome));
    }
}
