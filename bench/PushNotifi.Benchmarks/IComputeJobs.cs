namespace PushNotifi.Benchmarks;

/// <summary>The implementation methods of <see cref="AlertedJobs"/>, as an interface a DispatchProxy can wrap.</summary>
public interface IComputeJobs
{
    /// <summary>The synchronous work.</summary>
    [ProxyAlert("Compute failed for {0}", "compute:{0}")]
    int ComputeCore(int value);

    /// <summary>The asynchronous work, completing synchronously.</summary>
    [ProxyAlert("Compute failed for {0}", "compute:{0}")]
    Task<int> ComputeCoreAsync(int value, CancellationToken cancellationToken);
}
