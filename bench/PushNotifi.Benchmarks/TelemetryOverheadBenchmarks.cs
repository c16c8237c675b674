using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace PushNotifi.Benchmarks;

/// <summary>
/// What the runtime's metrics and spans add to one <see cref="PushNotifiClient.SendAsync"/>: the client over an
/// in-memory handler that answers at once (no socket, no sandbox), so the rows differ only by who listens.
/// <c>None</c> is the default for a user who hooks nothing up; <c>Metrics</c> listens to every PushNotifi instrument;
/// <c>MetricsAndTraces</c> also samples every PushNotifi span.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes them in GlobalCleanup.")]
public class TelemetryOverheadBenchmarks
{
    private PushNotifiClient _client = null!;
    private HttpClient _http = null!;
    private PushNotifiMessage _message = null!;
    private MeterListener? _meters;
    private ActivityListener? _spans;
    private long _measurements;

    /// <summary>Who listens.</summary>
    [Params("None", "Metrics", "MetricsAndTraces")]
    public string Listener { get; set; } = "None";

    /// <summary>Builds the client and the listeners, and checks that a listened send is seen.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _http = new HttpClient(new CannedHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new PushNotifiClient(BenchKeys.Options("http://127.0.0.1:9"), _http);
        _message = PushNotifiMessage.ToDefaultGroup("Nightly export failed", "TimeoutException: the database did not answer within 30 s");
        if (Listener != "None")
        {
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == PushNotifiTelemetry.MeterName)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
            _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
            _meters.Start();
        }

        if (Listener == "MetricsAndTraces")
        {
            _spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name == PushNotifiTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_spans);
        }

        await _client.SendAsync(_message);
        if ((Listener == "None") != (Interlocked.Read(ref _measurements) == 0))
        {
            throw new InvalidOperationException($"Listener {Listener} saw {_measurements} measurements.");
        }
    }

    /// <summary>Stops the listeners.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _meters?.Dispose();
        _spans?.Dispose();
        _http.Dispose();
    }

    /// <summary>One send, answered at once.</summary>
    [Benchmark]
    public Task<PushNotifiSendResult> Send() => _client.SendAsync(_message);

    /// <summary>The API's answer to a send, without a network.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        private static readonly byte[] s_body = Encoding.UTF8.GetBytes("""{"status":1,"message":"Notification accepted.","id":"n-1","duplicate":false}""");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(s_body) });
    }
}
