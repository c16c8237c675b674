using System.Runtime.CompilerServices;

namespace PushNotifi.Benchmarks;

/// <summary>
/// A job that always fails with the same idempotency key, behind a real generated wrapper (the generator is
/// referenced as an analyzer): the alert storm of <see cref="StormBenchmarks"/> and <see cref="StormFigures"/>.
/// </summary>
public partial class StormJob(IPushNotifiClient pushNotifi)
{
    /// <summary>Fails, and alerts keyed <c>storm:{name}</c>.</summary>
    [PushNotifiAlert("Storm: {name} failed", IdempotencyKey = "storm:{name}")]
    public partial Task RunAsync(string name, CancellationToken cancellationToken);

    /// <summary>The failing work, called directly for the baseline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task RunCoreAsync(string name, CancellationToken cancellationToken) =>
        Task.FromException(new InvalidOperationException("upstream refused " + name));
}
