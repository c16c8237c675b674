using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;

namespace PushNotifi.Benchmarks;

/// <summary>
/// (a) A question nobody answers: <c>RequestAckAsync</c>, then <c>AwaitAckAsync</c> for 15 minutes of simulated time
/// (<see cref="SteppingTimeProvider"/>) against the sandbox on loopback, which answers every status request with
/// <c>acked: false</c>. The <c>StatusRequests</c> column is the figure that matters (goal: at most 60; a fixed 5 s
/// poll sends 180); Mean is only the real time the simulation takes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AckColumnsConfig))]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes them in GlobalCleanup.")]
public class AckUnansweredWaitBenchmarks
{
    private const int ClearEvery = 32;
    private AckRig _rig = null!;
    private long _waits;

    /// <summary>The polling schedule.</summary>
    [ParamsAllValues]
    public AckSchedule Schedule { get; set; }

    /// <summary>Starts the sandbox and client, and measures one wait (checked against the sandbox's request log).</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _rig = await AckRig.StartAsync(Schedule);
        var figure = await AckFigures.MeasureAsync(_rig, Schedule, tapAfterSeconds: null);
        Console.WriteLine($"// {Schedule}: {figure.StatusRequests} status requests over an unanswered {AckRig.Wait.TotalMinutes:0}-minute wait");
    }

    /// <summary>Stops the sandbox.</summary>
    [GlobalCleanup]
    public ValueTask CleanupAsync() => _rig.DisposeAsync();

    /// <summary>One unanswered 15-minute wait; returns the status requests it sent.</summary>
    [Benchmark]
    public async Task<int> UnansweredFifteenMinutes()
    {
        if (++_waits % ClearEvery == 0)
        {
            _rig.Sandbox.Clear();
        }

        var alertId = await _rig.AskAsync();
        var result = await _rig.AwaitAsync(alertId, tapAfter: null);
        return result.Polls;
    }
}

/// <summary>
/// (b) How soon a tap is seen: the person taps Approve <see cref="TapAfterSeconds"/> after the question (simulated
/// time), and <c>TapToReturn</c> is the simulated time from the tap to <c>AwaitAckAsync</c> returning. A status
/// request due at the tap's instant is sent before the tap, so each figure is the wait until the next request.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AckColumnsConfig))]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes them in GlobalCleanup.")]
public class AckTapLatencyBenchmarks
{
    private const int ClearEvery = 32;
    private AckRig _rig = null!;
    private long _waits;

    /// <summary>The polling schedule.</summary>
    [ParamsAllValues]
    public AckSchedule Schedule { get; set; }

    /// <summary>When the person taps, in seconds after the question.</summary>
    [Params(5, 30, 300)]
    public int TapAfterSeconds { get; set; }

    /// <summary>Starts the sandbox and client, and measures one wait (checked against the sandbox's request log).</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _rig = await AckRig.StartAsync(Schedule);
        var figure = await AckFigures.MeasureAsync(_rig, Schedule, TapAfterSeconds);
        Console.WriteLine($"// {Schedule}, tap after {TapAfterSeconds} s: returned {figure.TapToReturn!.Value.TotalSeconds} s after the tap, {figure.StatusRequests} status requests");
    }

    /// <summary>Stops the sandbox.</summary>
    [GlobalCleanup]
    public ValueTask CleanupAsync() => _rig.DisposeAsync();

    /// <summary>One wait answered at <see cref="TapAfterSeconds"/>; returns the simulated time from tap to return.</summary>
    [Benchmark]
    public async Task<TimeSpan> TapToReturn()
    {
        if (++_waits % ClearEvery == 0)
        {
            _rig.Sandbox.Clear();
        }

        var alertId = await _rig.AskAsync();
        var result = await _rig.AwaitAsync(alertId, TimeSpan.FromSeconds(TapAfterSeconds));
        return result.Elapsed - TimeSpan.FromSeconds(TapAfterSeconds);
    }
}
