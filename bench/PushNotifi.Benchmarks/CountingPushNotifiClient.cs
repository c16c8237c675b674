namespace PushNotifi.Benchmarks;

/// <summary>A client that only counts sends: the wrapper benchmarks measure the happy path, which never sends.</summary>
public sealed class CountingPushNotifiClient : IPushNotifiClient
{
    private int _sends;

    /// <summary>How many alerts were sent.</summary>
    public int Sends => Volatile.Read(ref _sends);

    /// <inheritdoc />
    public Task<PushNotifiSendResult> SendAsync(PushNotifiMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _sends);
        return Task.FromResult(new PushNotifiSendResult("Notification accepted.", null, null, false));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PushNotifiApplication>> ListApplicationsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PushNotifiApplication>>([]);

    /// <inheritdoc />
    public Task<PushNotifiApplication> GetApplicationAsync(string applicationKey, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    /// <inheritdoc />
    public Task<IReadOnlyList<PushNotifiGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PushNotifiGroup>>([]);

    /// <inheritdoc />
    public Task<IReadOnlyList<PushNotifiSentMessage>> ListMessagesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PushNotifiSentMessage>>([]);
}
