using System.Diagnostics;
using System.Threading.Channels;

namespace PushNotifi.Sandbox;

/// <summary>
/// Fans sandbox events out to every open <c>/sandbox/events</c> stream. Each event is serialized once, numbered, and
/// kept in a bounded replay buffer for streams that reconnect with <c>Last-Event-ID</c>. Events go to the streams in
/// batches: at once when the last batch left more than <see cref="DefaultFlushInterval"/> ago, else when it has passed, so
/// hundreds of open streams wake and write once an interval instead of once an event, and publishing (on the API's
/// request path) only appends. A stream that falls <see cref="SandboxLimits.EventQueueLength"/> events behind is dropped
/// (its connection closed, so the page reconnects and catches up) rather than losing events silently or slowing the API.
/// </summary>
internal sealed class SandboxEvents : IDisposable
{
    /// <summary>Default shortest time between two batches. An idle page still gets an event at once.</summary>
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>Default time the streams may go without a byte before they get a keep-alive comment.</summary>
    public static readonly TimeSpan DefaultKeepAliveInterval = TimeSpan.FromSeconds(15);

    private readonly SandboxSecrets _secrets;
    private readonly TimeSpan _flushInterval;
    private readonly TimeSpan _keepAliveInterval;
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscribers = [];
    private readonly Queue<EventFrame> _recent = new();
    private readonly List<EventFrame> _pending = [];

    // Real time, not the sandbox's clock: this paces the network, and tests' fake clocks must not stall it.
    private readonly ITimer _timer;
    private long _lastId;
    private long _sentId;
    private long _lastFlush;
    private bool _flushDue;
    private bool _disposed;

    /// <summary>The intervals are the defaults but in tests.</summary>
    public SandboxEvents(SandboxSecrets secrets, TimeSpan? flushInterval = null, TimeSpan? keepAliveInterval = null)
    {
        _secrets = secrets;
        _flushInterval = flushInterval ?? DefaultFlushInterval;
        _keepAliveInterval = keepAliveInterval ?? DefaultKeepAliveInterval;
        _timer = TimeProvider.System.CreateTimer(static events => ((SandboxEvents)events!).Flush(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Open streams, for tests.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public void Publish(SandboxEvent sandboxEvent)
    {
        // The costly part, outside the lock and once for every stream.
        var json = EventFrame.Json(_secrets, sandboxEvent);
        List<Subscription>? behind = null;
        lock (_gate)
        {
            // Numbered under the lock, so ids follow the order streams and the replay buffer see.
            var frame = EventFrame.Create(++_lastId, sandboxEvent.Name, json);
            if (_recent.Count >= SandboxLimits.EventReplayLength)
            {
                _recent.Dequeue();
            }

            _recent.Enqueue(frame);
            if (_subscribers.Count == 0)
            {
                _sentId = _lastId;
            }
            else
            {
                _pending.Add(frame);
                if (_pending.Count >= SandboxLimits.EventQueueLength)
                {
                    // A flood between two flushes: hand it out now, so what waits here stays bounded too.
                    behind = FlushLocked();
                }
                else if (!_flushDue && !_disposed)
                {
                    _flushDue = true;
                    var wait = _flushInterval - Stopwatch.GetElapsedTime(_lastFlush);
                    if (wait <= TimeSpan.Zero)
                    {
                        // Off the request's thread: the send that published this does not wait for the streams.
                        ThreadPool.UnsafeQueueUserWorkItem(static events => events.Flush(), this, preferLocal: false);
                    }
                    else
                    {
                        _timer.Change(wait, Timeout.InfiniteTimeSpan);
                    }
                }
            }
        }

        Drop(behind);
    }

    /// <summary>Closes every open stream as if it had fallen behind, so tests can make pages reconnect.</summary>
    internal void DropAll()
    {
        Subscription[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        Drop(subscribers);
    }

    /// <summary>
    /// Starts queueing events for one stream; dispose the subscription when the stream ends. With the
    /// <paramref name="lastEventId"/> a reconnecting page sends, the subscription carries the events it missed, or
    /// says it must reload when they are no longer all in the replay buffer.
    /// </summary>
    public Subscription Subscribe(long? lastEventId)
    {
        lock (_gate)
        {
            // Under the lock: nothing is missed or sent twice between the replay and the queue. Events still waiting for
            // the next batch come with it, so the stream starts from the last one handed out.
            IReadOnlyList<EventFrame> missed = [];
            var reload = false;
            if (lastEventId is { } last && last != _sentId)
            {
                // Caught up only if every event after `last` is still buffered (and `last` is from this run).
                reload = last > _sentId || _recent.Count == 0 || _recent.Peek().Id > last + 1;
                missed = reload ? [] : [.. _recent.Where(f => f.Id > last && f.Id <= _sentId)];
            }

            var subscription = new Subscription(this, _sentId, missed, reload);
            _subscribers.Add(subscription);
            if (_subscribers.Count == 1 && !_flushDue && !_disposed)
            {
                _timer.Change(_keepAliveInterval, Timeout.InfiniteTimeSpan);
            }

            return subscription;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private void Flush()
    {
        List<Subscription>? behind;
        lock (_gate)
        {
            behind = FlushLocked();
        }

        Drop(behind);
    }

    // Hands what is pending to every stream as one batch, or a keep-alive when nothing was sent for a while, and returns
    // the streams that fell too far behind. Under the gate.
    private List<Subscription>? FlushLocked()
    {
        _flushDue = false;
        EventBatch batch;
        if (_pending.Count > 0)
        {
            batch = EventBatch.Of(_pending);
            _pending.Clear();
            _sentId = _lastId;
        }
        else if (_subscribers.Count > 0 && Stopwatch.GetElapsedTime(_lastFlush) >= _keepAliveInterval)
        {
            batch = EventBatch.KeepAlive;
        }
        else
        {
            ScheduleKeepAlive(_keepAliveInterval - Stopwatch.GetElapsedTime(_lastFlush));
            return null;
        }

        _lastFlush = Stopwatch.GetTimestamp();
        List<Subscription>? behind = null;
        foreach (var subscriber in _subscribers)
        {
            if (!subscriber.Offer(batch))
            {
                (behind ??= []).Add(subscriber);
            }
        }

        ScheduleKeepAlive(_keepAliveInterval);
        return behind;
    }

    // Under the gate. A due batch moves the timer sooner; until then it waits to send a keep-alive.
    private void ScheduleKeepAlive(TimeSpan wait)
    {
        if (_subscribers.Count > 0 && !_flushDue && !_disposed)
        {
            _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private static void Drop(IEnumerable<Subscription>? subscribers)
    {
        foreach (var subscriber in subscribers ?? [])
        {
            subscriber.Drop();
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }

        subscription.Complete();
    }

    /// <summary>One stream's queue of batches, and what it must send first.</summary>
    internal sealed class Subscription(SandboxEvents owner, long lastId, IReadOnlyList<EventFrame> missed, bool reload) : IDisposable
    {
        private readonly CancellationTokenSource _dropped = new();

        // Unbounded as a channel, bounded in events by Offer: a batch counts its events, a keep-alive none.
        private readonly Channel<EventBatch> _queue = Channel.CreateUnbounded<EventBatch>(new UnboundedChannelOptions { SingleReader = true });
        private int _queued;

        /// <summary>The id of the last event handed out before it subscribed.</summary>
        public long LastId => lastId;

        /// <summary>Events after the stream's <c>Last-Event-ID</c>, to send before the queue.</summary>
        public IReadOnlyList<EventFrame> Missed => missed;

        /// <summary>The stream's <c>Last-Event-ID</c> is too old (or from another run): the page must reload.</summary>
        public bool MustReload => reload;

        /// <summary>Fires when the stream fell too far behind and must close.</summary>
        public CancellationToken Dropped => _dropped.Token;

        /// <summary>Waits for a batch; false once the subscription ended.</summary>
        public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _queue.Reader.WaitToReadAsync(cancellationToken);

        public bool TryRead(out EventBatch batch)
        {
            if (!_queue.Reader.TryRead(out batch!))
            {
                return false;
            }

            Interlocked.Add(ref _queued, -batch.Count);
            return true;
        }

        /// <summary>Queues a batch, or says false when the stream would be more than its limit behind.</summary>
        public bool Offer(EventBatch batch) =>
            Interlocked.Add(ref _queued, batch.Count) <= SandboxLimits.EventQueueLength && _queue.Writer.TryWrite(batch);

        public void Complete() => _queue.Writer.TryComplete();

        public void Drop()
        {
            owner.Remove(this);
            try
            {
                _dropped.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream ended on its own meanwhile.
            }
        }

        public void Dispose()
        {
            owner.Remove(this);
            _dropped.Dispose();
        }
    }
}
