using System.Diagnostics.Metrics;
using StackExchange.Redis;

namespace PushNotifi.Redis;

/// <summary>
/// <see cref="IPushNotifiStateStore"/> on Redis, one round trip per call: a claim is <c>SET key 1 NX PX window</c> (in a
/// script that also returns the time left when the key is taken, so this process skips Redis for the rest of that
/// window), a counter one Lua script that increments and sets the expiry together. Keys are <c>{prefix}claim:{key}</c> and
/// <c>{prefix}count:{key}</c>. As an <see cref="IPushNotifiRecordStore"/> (a team approval's record), a record is a string
/// value with an expiry, <c>SET {prefix}record:{key} value PX window</c> and <c>GET</c>. Fails open: when Redis is down, slow or not yet connected, the call answers from this
/// process's memory within <see cref="PushNotifiRedisOptions.OperationTimeout"/> and never throws.
/// </summary>
internal sealed class RedisStateStore : IPushNotifiStateStore, IPushNotifiRecordStore
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

    // -1: this call made the claim; otherwise the milliseconds the holder's claim has left.
    private const string ClaimScript = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
          return -1
        end
        return redis.call('PTTL', KEYS[1])
        """;

    private readonly RedisConnection _connection;
    private readonly RedisOutage _outage;
    private readonly InMemoryPushNotifiStateStore _fallback;
    private readonly SeenClaims _seen;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly string _claimPrefix;
    private readonly string _countPrefix;
    private readonly string _recordPrefix;
    private readonly StateFallbackMetrics _metrics;

    public RedisStateStore(RedisConnection connection, RedisOutage outage, PushNotifiRedisOptions options, TimeProvider time, IMeterFactory? meterFactory = null)
    {
        _metrics = StateFallbackMetrics.Create(meterFactory);
        _connection = connection;
        _outage = outage;
        _time = time;
        _timeout = options.OperationTimeout;
        _claimPrefix = options.KeyPrefix + "claim:";
        _countPrefix = options.KeyPrefix + "count:";
        _recordPrefix = options.KeyPrefix + "record:";
        _fallback = new InMemoryPushNotifiStateStore(time);
        _seen = new SeenClaims(time);
    }

    public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (_seen.IsHeld(key))
        {
            return new(false);
        }

        if (_outage.ShouldTry())
        {
            return ClaimAsync(key, window, cancellationToken);
        }

        _metrics.Record("claim", "outage");
        return new(ClaimLocally(key, window));
    }

    public ValueTask<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (_outage.ShouldTry())
        {
            return CountAsync(key, window, cancellationToken);
        }

        _metrics.Record("increment", "outage");
        return _fallback.IncrementAsync(key, window, cancellationToken);
    }

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_outage.ShouldTry())
        {
            return ReadRecordAsync(key, cancellationToken);
        }

        _metrics.Record("get", "outage");
        return _fallback.GetAsync(key, cancellationToken);
    }

    public ValueTask SetAsync(string key, string value, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (_outage.ShouldTry())
        {
            return WriteRecordAsync(key, value, window, cancellationToken);
        }

        _metrics.Record("set", "outage");
        return _fallback.SetAsync(key, value, window, cancellationToken);
    }

    private async ValueTask<bool> ClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var askedAt = _time.GetTimestamp();
        var milliseconds = Milliseconds(window);
        if (await EvaluateAsync(ClaimScript, _claimPrefix + key, milliseconds, cancellationToken).ConfigureAwait(false) is not { } left)
        {
            _metrics.Record("claim", "error");
            return ClaimLocally(key, window);
        }

        _seen.Remember(key, TimeSpan.FromMilliseconds(left < 0 ? milliseconds : left), askedAt);
        return left < 0;
    }

    // A claim granted from memory means this process alerted for the key: it holds it for the window as if Redis had
    // granted it, so that once Redis answers (after start-up or an outage) the same process does not send it twice.
    // A key Redis already granted (to this call's sibling that was answered in time) is not granted again either.
    private bool ClaimLocally(string key, TimeSpan window)
    {
        if (_seen.IsHeld(key))
        {
            return false;
        }

        var askedAt = _time.GetTimestamp();
        var claim = _fallback.TryClaimAsync(key, window);
        var granted = claim.IsCompletedSuccessfully && claim.Result;
        if (granted)
        {
            _seen.Remember(key, window, askedAt);
        }

        return granted;
    }

    private async ValueTask<long> CountAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        if (await EvaluateAsync(CounterScript, _countPrefix + key, Milliseconds(window), cancellationToken).ConfigureAwait(false) is { } count)
        {
            return count;
        }

        _metrics.Record("increment", "error");
        return await _fallback.IncrementAsync(key, window, cancellationToken).ConfigureAwait(false);
    }

    // A record read from Redis; when Redis cannot answer, the copy this process wrote (if any) answers instead.
    private async ValueTask<string?> ReadRecordAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var database = (await _connection.ConnectedAsync(_timeout, _time, cancellationToken).ConfigureAwait(false)).GetDatabase();
            var value = await Bounded(database.StringGetAsync(_recordPrefix + key), cancellationToken).ConfigureAwait(false);
            _outage.Succeeded();
            return value.IsNull ? null : value.ToString();
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            _outage.Failed(error, startingUp: error is StillConnectingException);
            _metrics.Record("get", "error");
            return await _fallback.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }

    // Written to Redis and kept in memory too, so that a later read during an outage still finds this process's copy.
    private async ValueTask WriteRecordAsync(string key, string value, TimeSpan window, CancellationToken cancellationToken)
    {
        await _fallback.SetAsync(key, value, window, cancellationToken).ConfigureAwait(false);
        try
        {
            var database = (await _connection.ConnectedAsync(_timeout, _time, cancellationToken).ConfigureAwait(false)).GetDatabase();
            await Bounded(database.StringSetAsync(_recordPrefix + key, value, TimeSpan.FromMilliseconds(Milliseconds(window))), cancellationToken).ConfigureAwait(false);
            _outage.Succeeded();
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            _outage.Failed(error, startingUp: error is StillConnectingException);
            _metrics.Record("set", "error");
        }
    }

    // One script run, bounded by the operation timeout; null when Redis could not answer (recorded with the outage).
    private async ValueTask<long?> EvaluateAsync(string script, string key, long milliseconds, CancellationToken cancellationToken)
    {
        try
        {
            var database = (await _connection.ConnectedAsync(_timeout, _time, cancellationToken).ConfigureAwait(false)).GetDatabase();
            var result = (long)await Bounded(database.ScriptEvaluateAsync(script, [(RedisKey)key], [milliseconds]), cancellationToken).ConfigureAwait(false);

            // Back only on an answer our script gives: a reply that is not one (something else on the port) is a failure.
            _outage.Succeeded();
            return result;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            _outage.Failed(error, startingUp: error is StillConnectingException);
            return null;
        }
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
    private static long Milliseconds(TimeSpan window) => (long)Math.Max(1, Math.Ceiling(window.TotalMilliseconds));
}
