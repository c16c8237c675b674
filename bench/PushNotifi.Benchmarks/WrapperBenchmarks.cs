using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The happy path of a generated [PushNotifiAlert] wrapper against a direct call to the same
/// implementation, and against a DispatchProxy decorator doing the same job. Each category's baseline
/// is the direct call, so Ratio and the Allocated column show what the wrapper adds.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WrapperBenchmarks
{
    private const int Value = 1000; // outside the runtime's cached Task<int> results, so Task rows show the real allocation

    private AlertedJobs _jobs = null!;
    private IComputeJobs _proxy = null!;

    /// <summary>Creates the jobs and the proxy, and checks that both really alert once on failure.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // Every wrapper here alerts with the same key; with suppression on, only the first would send.
        PushNotifiAlerts.SuppressionWindow = TimeSpan.Zero;
        var client = new CountingPushNotifiClient();
        _jobs = new AlertedJobs(client);
        _proxy = DispatchProxy.Create<IComputeJobs, AlertingProxy<IComputeJobs>>();
        ((AlertingProxy<IComputeJobs>)_proxy).Decorate(_jobs, client);

        _jobs.Fail = true;
        Expect(() => _jobs.Compute(Value));
        Expect(() => _jobs.ComputeTimed(Value));
        Expect(() => _jobs.ComputeAsync(Value, CancellationToken.None).GetAwaiter().GetResult());
        Expect(() => _jobs.ComputeValueAsync(Value, CancellationToken.None).AsTask().GetAwaiter().GetResult());
        Expect(() => _proxy.ComputeCore(Value));
        Expect(() => _proxy.ComputeCoreAsync(Value, CancellationToken.None).GetAwaiter().GetResult());
        _jobs.Fail = false;
        PushNotifiAlerts.SuppressionWindow = PushNotifiAlerts.DefaultSuppressionWindow;
        if (client.Sends != 6)
        {
            throw new InvalidOperationException($"Expected 6 alerts from 6 failures, got {client.Sends}.");
        }
    }

    /// <summary>Sync: the implementation called directly.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Sync")]
    public int SyncDirect() => _jobs.ComputeCore(Value);

    /// <summary>Sync: the generated wrapper (custom message, no clock read).</summary>
    [Benchmark]
    [BenchmarkCategory("Sync")]
    public int SyncGenerated() => _jobs.Compute(Value);

    /// <summary>Sync: the generated wrapper with the default message, which uses {Elapsed}.</summary>
    [Benchmark]
    [BenchmarkCategory("Sync")]
    public int SyncGeneratedElapsed() => _jobs.ComputeTimed(Value);

    /// <summary>Sync: the DispatchProxy decorator.</summary>
    [Benchmark]
    [BenchmarkCategory("Sync")]
    public int SyncDispatchProxy() => _proxy.ComputeCore(Value);

    /// <summary>Task: the implementation called directly (completes synchronously).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Task")]
    public Task<int> TaskDirect() => _jobs.ComputeCoreAsync(Value, CancellationToken.None);

    /// <summary>Task: the generated wrapper.</summary>
    [Benchmark]
    [BenchmarkCategory("Task")]
    public Task<int> TaskGenerated() => _jobs.ComputeAsync(Value, CancellationToken.None);

    /// <summary>Task: the DispatchProxy decorator.</summary>
    [Benchmark]
    [BenchmarkCategory("Task")]
    public Task<int> TaskDispatchProxy() => _proxy.ComputeCoreAsync(Value, CancellationToken.None);

    /// <summary>ValueTask: the implementation called directly (completes synchronously).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ValueTask")]
    public ValueTask<int> ValueTaskDirect() => _jobs.ComputeValueCoreAsync(Value, CancellationToken.None);

    /// <summary>ValueTask: the generated wrapper.</summary>
    [Benchmark]
    [BenchmarkCategory("ValueTask")]
    public ValueTask<int> ValueTaskGenerated() => _jobs.ComputeValueAsync(Value, CancellationToken.None);

    private static void Expect(Action failing)
    {
        try
        {
            failing();
        }
        catch (InvalidOperationException ex) when (ex.Message == "benchmark failure")
        {
            return;
        }

        throw new InvalidOperationException("The wrapped failure was not rethrown.");
    }
}
