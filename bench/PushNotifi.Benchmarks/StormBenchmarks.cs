using BenchmarkDotNet.Attributes;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The alert storm: 100,000 failures of a wrapped call on one idempotency key, on a fresh in-memory store each time.
/// Mean and Allocated are per failure (OperationsPerInvoke); the requests sent per storm are checked in setup and
/// printed, with the CPU time, by <c>--storm</c> (<see cref="StormFigures"/>).
/// </summary>
[MemoryDiagnoser]
public class StormBenchmarks
{
    private CountingPushNotifiClient _client = null!;
    private StormJob _job = null!;

    /// <summary>Which storm.</summary>
    [Params(StormMode.Unwrapped, StormMode.Suppressed, StormMode.Unsuppressed)]
    public StormMode Mode { get; set; }

    /// <summary>Creates the job and checks the requests one storm sends: none unwrapped, one suppressed, one per failure unsuppressed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _client = new CountingPushNotifiClient();
        _job = new StormJob(_client);
        var rethrown = Storm.RunAsync(_job, Mode).GetAwaiter().GetResult();
        var expected = Mode switch { StormMode.Unwrapped => 0, StormMode.Suppressed => 1, _ => Storm.Failures };
        if (rethrown != Storm.Failures || _client.Sends != expected)
        {
            throw new InvalidOperationException($"{Mode}: {rethrown} failures rethrown and {_client.Sends} requests; expected {Storm.Failures} and {expected}.");
        }
    }

    /// <summary>One storm; the figures are per failure.</summary>
    [Benchmark(OperationsPerInvoke = Storm.Failures)]
    public Task<int> HundredThousandFailuresOnOneKey() => Storm.RunAsync(_job, Mode);
}
