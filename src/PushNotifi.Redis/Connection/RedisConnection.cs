using StackExchange.Redis;

namespace PushNotifi.Redis;

/// <summary>
/// The multiplexer, given or made from a connection string. A made one connects in the background without ever
/// failing the app (<c>abortConnect=false</c>), fails commands at once while disconnected instead of queueing them,
/// reconnects by itself, and is disposed with the container.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Task<IConnectionMultiplexer> _connecting;
    private readonly bool _owned;

    public RedisConnection(PushNotifiRedisOptions options)
    {
        if (options.Connection is { } given)
        {
            _connecting = Task.FromResult(given);
            return;
        }

        var configuration = ConfigurationOptions.Parse(options.ConnectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;

        // Our own per-operation timeout is shorter; these only clean up commands a hung server never answers.
        var cleanup = (int)Math.Max(1000, options.OperationTimeout.TotalMilliseconds * 4);
        configuration.AsyncTimeout = cleanup;
        configuration.SyncTimeout = cleanup;
        _owned = true;
        _connecting = Task.Run(async () => (IConnectionMultiplexer)await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false));
    }

    /// <summary>The multiplexer once it exists (it may still be disconnected); null while it is being made.</summary>
    public IConnectionMultiplexer? Multiplexer => _connecting.IsCompletedSuccessfully ? _connecting.Result : null;

    /// <summary>The database when connected; null otherwise, so callers go on without Redis at once.</summary>
    public IDatabase? Database => Multiplexer is { IsConnected: true } multiplexer ? multiplexer.GetDatabase() : null;

    /// <summary>
    /// The connected multiplexer, waiting at most <paramref name="timeout"/> for the first connection (so the first
    /// calls after start-up use Redis too); throws when it is not connected.
    /// </summary>
    public ValueTask<IConnectionMultiplexer> ConnectedAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        return _connecting.IsCompletedSuccessfully ? new(Connected(_connecting.Result)) : WaitAsync();

        async ValueTask<IConnectionMultiplexer> WaitAsync()
        {
            try
            {
                return Connected(await _connecting.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false));
            }
            catch (TimeoutException)
            {
                throw new StillConnectingException();
            }
        }
    }

    /// <summary>Completes when the first connection attempt has ended, connected or not.</summary>
    public Task FirstAttempt => _connecting;

    private static IConnectionMultiplexer Connected(IConnectionMultiplexer multiplexer) => multiplexer.IsConnected
        ? multiplexer
        : throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected.");

    public async ValueTask DisposeAsync()
    {
        if (_owned && await _connecting.ConfigureAwait(false) is { } multiplexer)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
