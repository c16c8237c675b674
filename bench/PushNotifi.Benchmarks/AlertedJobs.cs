using System.Runtime.CompilerServices;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The wrapped methods of <see cref="WrapperBenchmarks"/>; the [PushNotifiAlert] generator (referenced as
/// an analyzer) writes their bodies. The implementations are public so the benchmarks can call them
/// directly, and never inlined so that the direct and the wrapped path both make one real call to them.
/// </summary>
public partial class AlertedJobs(IPushNotifiClient pushNotifi) : IComputeJobs
{
    /// <summary>Makes every implementation throw, to check that the wrappers alert.</summary>
    public bool Fail { get; set; }

    /// <summary>Sync wrapper whose message does not use {Elapsed}, so it takes no timestamp.</summary>
    [PushNotifiAlert("Compute failed for {value}", Message = "{ExceptionType}: {ExceptionMessage}", IdempotencyKey = "compute:{value}")]
    public partial int Compute(int value);

    /// <summary>Sync wrapper with the default message, which includes {Elapsed} and so reads the clock first.</summary>
    [PushNotifiAlert("Compute failed for {value}", IdempotencyKey = "compute:{value}", Implementation = nameof(ComputeCore))]
    public partial int ComputeTimed(int value);

    /// <summary>Task wrapper.</summary>
    [PushNotifiAlert("Compute failed for {value}", Message = "{ExceptionType}: {ExceptionMessage}", IdempotencyKey = "compute:{value}")]
    public partial Task<int> ComputeAsync(int value, CancellationToken cancellationToken);

    /// <summary>ValueTask wrapper.</summary>
    [PushNotifiAlert("Compute failed for {value}", Message = "{ExceptionType}: {ExceptionMessage}", IdempotencyKey = "compute:{value}")]
    public partial ValueTask<int> ComputeValueAsync(int value, CancellationToken cancellationToken);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int ComputeCore(int value) => Fail ? throw new InvalidOperationException("benchmark failure") : value + 1;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Task<int> ComputeCoreAsync(int value, CancellationToken cancellationToken) =>
        Fail ? Task.FromException<int>(new InvalidOperationException("benchmark failure")) : Task.FromResult(value + 1);

    /// <summary>The ValueTask work, completing synchronously.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ValueTask<int> ComputeValueCoreAsync(int value, CancellationToken cancellationToken) =>
        Fail ? ValueTask.FromException<int>(new InvalidOperationException("benchmark failure")) : new(value + 1);
}
