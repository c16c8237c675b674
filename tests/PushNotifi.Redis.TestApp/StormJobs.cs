using PushNotifi;

namespace PushNotifi.Redis.TestApp;

/// <summary>A job that always fails with the same idempotency key: the storm every instance raises.</summary>
public sealed partial class StormJobs(IPushNotifiClient pushNotifi)
{
    private readonly IPushNotifiClient _pushNotifi = pushNotifi;

    /// <summary>Fails; the wrapper alerts once per suppression window for the key.</summary>
    [PushNotifiAlert("Storm: {name} failed", IdempotencyKey = "storm:{name}")]
    public partial Task RunAsync(string name, CancellationToken cancellationToken);

    private static Task RunCoreAsync(string name, CancellationToken cancellationToken) =>
        Task.FromException(new InvalidOperationException("upstream refused " + name));
}
