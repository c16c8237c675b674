namespace PushNotifi.Redis.Tests;

/// <summary>A job that always fails with the same idempotency key, behind a real generated wrapper.</summary>
public sealed partial class StormJobs(IPushNotifiClient pushNotifi)
{
    private readonly IPushNotifiClient _pushNotifi = pushNotifi;

    [PushNotifiAlert("Storm: {name} failed", IdempotencyKey = "storm:{name}")]
    public partial Task RunAsync(string name, CancellationToken cancellationToken);

    [PushNotifiAlert("Job {name} failed", IdempotencyKey = "job:{name}:{run}")]
    public partial Task RunOnceAsync(string name, int run, CancellationToken cancellationToken);

    private static Task RunCoreAsync(string name, CancellationToken cancellationToken) =>
        Task.FromException(new InvalidOperationException("upstream refused " + name));

    private static Task RunOnceCoreAsync(string name, int run, CancellationToken cancellationToken) =>
        Task.FromException(new InvalidOperationException($"run {run} of {name} failed"));
}
