using System.Threading.RateLimiting;
using RedisRateLimiting;

namespace PushNotifi.Redis;

/// <summary>
/// The client's <c>RateLimitPerMinute</c> held across every instance: RedisRateLimiting's sliding window (at most
/// <c>perMinute</c> sends in any minute, over all processes that share the key). That limiter answers at once and
/// never queues, so a send over the limit asks again until a permit comes or the client's queue timeout cancels
/// the wait. When Redis is unavailable, this process's own token bucket of the same size takes over (fail open, but
/// still a limit), and Redis is tried again by itself.
/// </summary>
internal sealed class SharedSendRateLimiter : RateLimiter
{
    private readonly RedisConnection _connection;
    private readonly RedisOutage _outage;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _pollInterval;
    private readonly string _partition;
    private readonly int _perMinute;
    private readonly TokenBucketRateLimiter _local;
    private RateLimiter? _shared;

    public SharedSendRateLimiter(int perMinute, RedisConnection connection, RedisOutage outage, PushNotifiRedisOptions options, TimeProvider time)
    {
        _perMinute = perMinute;
        _connection = connection;
        _outage = outage;
        _time = time;
        _timeout = options.OperationTimeout;
        _partition = options.KeyPrefix + "ratelimit";

        // A permit frees up when the oldest send of the last minute ages out; asking about that often finds it soon.
        _pollInterval = TimeSpan.FromMilliseconds(Math.Clamp(60_000.0 / perMinute, 50, 1000));
        _local = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, TimeSpan.FromMinutes(1).Ticks / perMinute)),
            QueueLimit = perMinute,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    // Only with a zero queue timeout: the client asks once, synchronously, bounded by the operation timeout.
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (_outage.ShouldTry())
        {
            try
            {
                var shared = Shared(_connection.ConnectedAsync(_timeout, _time, CancellationToken.None).AsTask().GetAwaiter().GetResult());
                var pending = shared.AcquireAsync(permitCount).AsTask();
                if (pending.Wait(_timeout))
                {
                    _outage.Succeeded();
                    return pending.Result;
                }

                pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                _outage.Failed(new TimeoutException());
            }
            catch (Exception error)
            {
                var cause = error is AggregateException { InnerException: { } inner } ? inner : error;
                _outage.Failed(cause, startingUp: cause is StillConnectingException);
            }
        }

        return _local.AttemptAcquire(permitCount);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        while (_outage.ShouldTry())
        {
            RateLimitLease lease;
            try
            {
                var shared = Shared(await _connection.ConnectedAsync(_timeout, _time, cancellationToken).ConfigureAwait(false));
                lease = await shared.AcquireAsync(permitCount, CancellationToken.None).AsTask().WaitAsync(_timeout, _time, cancellationToken).ConfigureAwait(false);
                _outage.Succeeded();
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                _outage.Failed(error, startingUp: error is StillConnectingException);
                break;
            }

            if (lease.IsAcquired)
            {
                return lease;
            }

            lease.Dispose();
            await Task.Delay(_pollInterval, _time, cancellationToken).ConfigureAwait(false);
        }

        return await _local.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _shared?.Dispose();
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    // Made on first use with a connected multiplexer, because RedisRateLimiting takes its connection when built.
    private RateLimiter Shared(StackExchange.Redis.IConnectionMultiplexer multiplexer)
    {
        if (Volatile.Read(ref _shared) is { } shared)
        {
            return shared;
        }

        var made = new RedisSlidingWindowRateLimiter<string>(_partition, new RedisSlidingWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => multiplexer,
            PermitLimit = _perMinute,
            Window = TimeSpan.FromMinutes(1),
        });
        if (Interlocked.CompareExchange(ref _shared, made, null) is { } other)
        {
            made.Dispose();
            return other;
        }

        return made;
    }
}
