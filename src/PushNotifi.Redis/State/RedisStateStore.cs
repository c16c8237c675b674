using StackExchange.Redis;

namespace PushNotifi.Redis;

/// <summary>
/// <see cref="IPushNotifiStateStore"/> on Redis, one round trip per call: a claim is <c>SET key 1 PX window NX</c>, a
/// counter one Lua script that increments and sets the expiry together. Keys are <c>{prefix}claim:{key}</c> and
/// <c>{prefix}count:{key}</c>. Fails open: when Redis is down, slow or not yet connected, the call answers from this
/// process's memory within <see cref="PushNotifiRedisOptions.OperationTimeout"/> and never throws.
/// </summary>
internal sealed class RedisStateStore : IPushNotifiStateStore
{
    // The expiry is set with the first increment, in the same script, so a counter can never outlive its window;
    // the PTTL check also repairs a key that somehow lost its expiry.
    private const string CounterScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return n
        """;

    private static readonly RedisValue s_claimed = 1;

    private readonly RedisConnection _connection;
    private readonly RedisOutage _outage;
    private readonly InMemoryPushNotifiStateStore _fallback;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly string _claimPrefix;
    private readonly string _countPrefix;

    public RedisStateStore(RedisConnection connection, RedisOutage outage, PushNotifiRedisOptions options, TimeProvider time)
    {
        _connection = connection;
        _outage = outage;
        _time = time;
        _timeout = options.OperationTimeout;
        _claimPrefix = options.KeyPrefix + "claim:";
        _countPrefix = options.KeyPrefix + "count:";
        _fallback = new InMemoryPushNotifiStateStore(time);
    }

    public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        return Usable() is { } database
            ? ClaimAsync(database, key, window, cancellationToken)
            : _fallback.TryClaimAsync(key, window, cancellationToken);
    }

    public ValueTask<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        return Usable() is { } database
            ? IncrementAsync(database, key, window, cancellationToken)
            : _fallback.IncrementAsync(key, window, cancellationToken);
    }

    private async ValueTask<bool> ClaimAsync(IDatabase database, string key, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var claimed = await Bounded(database.StringSetAsync(_claimPrefix + key, s_claimed, Milliseconds(window), When.NotExists), cancellationToken).ConfigureAwait(false);
            _outage.Succeeded();
            return claimed;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            _outage.Failed(error);
            return await _fallback.TryClaimAsync(key, window, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<long> IncrementAsync(IDatabase database, string key, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Bounded(
                database.ScriptEvaluateAsync(CounterScript, [(RedisKey)(_countPrefix + key)], [(long)Milliseconds(window).TotalMilliseconds]),
                cancellationToken).ConfigureAwait(false);
            _outage.Succeeded();
            return (long)result;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            _outage.Failed(error);
            return await _fallback.IncrementAsync(key, window, cancellationToken).ConfigureAwait(false);
        }
    }

    private IDatabase? Usable()
    {
        if (!_outage.ShouldTry())
        {
            return null;
        }

        if (_connection.Database is { } database)
        {
            return database;
        }

        _outage.Failed(null);
        return null;
    }

    private Task<T> Bounded<T>(Task<T> operation, CancellationToken cancellationToken)
    {
        if (operation.IsCompleted)
        {
            return operation;
        }

        // A command that a hung server never answers ends later with its own timeout: observe it then.
        operation.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return operation.WaitAsync(_timeout, _time, cancellationToken);
    }

    // PX takes whole milliseconds, at least one.
    private static TimeSpan Milliseconds(TimeSpan window) => TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(window.TotalMilliseconds)));
}
