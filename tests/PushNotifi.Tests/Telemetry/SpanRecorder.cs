using System.Collections.Concurrent;
using System.Diagnostics;

namespace PushNotifi.Tests.Telemetry;

/// <summary>
/// Records the PushNotifi and HttpClient spans of one trace: the test's own root span. Spans of other tests, which
/// run in the same process at the same time, have other trace ids and are left out.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private const string HttpSource = "System.Net.Http";
    private const string TestSource = "PushNotifi.Tests.Telemetry";
    private static readonly ActivitySource s_tests = new(TestSource);

    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private Activity? _root;

    internal SpanRecorder()
    {
        _listener = new ActivityListener
        {
            // By name: matching the static source itself races with its first construction on another test's thread.
            ShouldListenTo = source => source.Name is PushNotifiTelemetry.ActivitySourceName or HttpSource or TestSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Runs for every test's spans from the moment it is added: before the root exists it matches nothing.
                if (Volatile.Read(ref _root) is { } root && activity.TraceId == root.TraceId && activity.Source.Name != TestSource)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        var started = s_tests.StartActivity("test") ?? throw new InvalidOperationException("The test source has a listener, so it makes spans.");
        Volatile.Write(ref _root, started);
    }

    /// <summary>The test's root span, parent of whatever the test calls.</summary>
    internal Activity Root => _root!;

    /// <summary>The PushNotifi spans that ended, in the order they ended.</summary>
    internal IReadOnlyList<Activity> PushNotifi => [.. _stopped.Where(a => a.Source.Name == PushNotifiTelemetry.ActivitySourceName)];

    /// <summary>The HttpClient spans that ended.</summary>
    internal IReadOnlyList<Activity> Http => [.. _stopped.Where(a => a.Source.Name == HttpSource)];

    /// <summary>Every recorded span.</summary>
    internal IReadOnlyList<Activity> All => [.. _stopped];

    public void Dispose()
    {
        _root?.Stop();
        _listener.Dispose();
    }
}
