using System.Diagnostics;
using System.Threading.Channels;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Web;

/// <summary>
/// Fans sandbox events out to every open <c>/sandbox/events</c> stream. Each event is serialized once, numbered, and
/// kept in a bounded replay buffer for streams that reconnect with <c>Last-Event-ID</c>. Events go to the streams in
/// batches: at once when the last batch left more than the flush interval ago, else when it has passed (25 ms, or
/// 0.2 ms a stream past 125 streams), so hundreds of open streams wake and write once an interval instead of once an
/// event, and publishing (on the API's request path) only appends. A stream that falls <see cref="SandboxLimits.EventQueueLength"/> events behind is dropped
/// (its connection closed, so the page reconnects and catches up) rather than losing events silently or slowing the API.
/// </summary>
internal sealed class SandboxEvents : IDisposable
{
    /// <summary>Default shortest time between two batches. An idle page still gets an event at once.</summary>
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromMilliseconds(25);

    // Streams woken by one work item. Waking all of them at once would queue hundreds of writes ahead of the API's
    // requests on the thread pool, each request then waiting for all of them (the p99 with 500 open inbox tabs).
    private const int FanOutSlice = 16;

    // With many streams the interval grows by this much a stream (100 ms for 500), so what they cost the API stays
    // bounded: each flush of each stream is a wake-up, a write and a send, whatever it carries.
    private static readonly TimeSpan FlushIntervalPerStream = TimeSpan.FromMilliseconds(0.2);

    // The share of the interval a batch's fan-out is spread over, and the shortest pause worth a timer.
    private const double PacedShare = 0.75;
    private static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(1);

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
    private readonly ITimer _fanOutTimer;
    private long _lastId;
    private long _sentId;
    private long _lastFlush;
    private bool _flushedOnce;
    private bool _flushDue;
    private FanOut? _fanOut;
    private bool _flushAfterFanOut;
    private bool _disposed;

    /// <summary>The intervals are the defaults but in tests.</summary>
    public SandboxEvents(SandboxSecrets secrets, TimeSpan? flushInterval = null, TimeSpan? keepAliveInterval = null)
    {
        _secrets = secrets;
        _flushInterval = flushInterval ?? DefaultFlushInterval;
        _keepAliveInterval = keepAliveInterval ?? DefaultKeepAliveInterval;
        _timer = TimeProvider.System.CreateTimer(static events => ((SandboxEvents)events!).Flush(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _fanOutTimer = TimeProvider.System.CreateTimer(static events => ((SandboxEvents)events!).FanOutStep(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
                // No one to send to, now or later: a stream that opens next starts after this event.
                _pending.Clear();
                _sentId = _lastId;
            }
            else
            {
                _pending.Add(frame);
                if (_pending.Count >= SandboxLimits.EventQueueLength)
                {
                    behind = FlushAllLocked();
                }
                else if (!_flushDue && !_disposed)
                {
                    _flushDue = true;
                    var wait = Interval() - SinceLastFlush();
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
        _fanOutTimer.Dispose();
    }

    private void Flush()
    {
        List<Subscription>? behind = null;
        lock (_gate)
        {
            _flushDue = false;
            if (_fanOut is null)
            {
                behind = StartBatchLocked(all: false);
            }
            else
            {
                // One batch at a time, so every stream gets them in order: this one starts when the last is handed out.
                _flushAfterFanOut = true;
            }
        }

        Drop(behind);
    }

    private void FanOutStep()
    {
        List<Subscription>? behind;
        lock (_gate)
        {
            behind = OfferLocked(FanOutSlice);
            if (_fanOut is null && _flushAfterFanOut)
            {
                _flushAfterFanOut = false;
                behind = Both(behind, StartBatchLocked(all: false));
            }
        }

        Drop(behind);
    }

    // A flood between two flushes: hands out the batch in progress and what is pending now, on this thread, so what
    // waits here stays bounded too. Under the gate.
    private List<Subscription>? FlushAllLocked()
    {
        var behind = OfferLocked(int.MaxValue);
        _flushAfterFanOut = false;
        return Both(behind, StartBatchLocked(all: true));
    }

    // Makes one batch of what is pending, or a keep-alive when nothing was sent for a while, and starts handing it out.
    // Under the gate.
    private List<Subscription>? StartBatchLocked(bool all)
    {
        EventBatch batch;
        if (_pending.Count > 0)
        {
            batch = EventBatch.Of(_pending, SandboxLimits.EventBurstLength);
            _pending.Clear();
            _sentId = _lastId;
        }
        else if (_subscribers.Count > 0 && SinceLastFlush() >= _keepAliveInterval)
        {
            batch = EventBatch.KeepAlive;
        }
        else
        {
            ScheduleKeepAlive(_keepAliveInterval - SinceLastFlush());
            return null;
        }

        _lastFlush = Stopwatch.GetTimestamp();
        _flushedOnce = true;
        _fanOut = new FanOut(batch, [.. _subscribers]);
        var behind = OfferLocked(all ? int.MaxValue : FanOutSlice);
        ScheduleKeepAlive(_keepAliveInterval);
        return behind;
    }

    // Offers the batch in progress to the next `count` streams; when streams remain, the rest is queued behind whatever
    // the thread pool holds now (an API request that arrived meanwhile goes first). Returns the streams that fell too
    // far behind. Under the gate.
    private List<Subscription>? OfferLocked(int count)
    {
        if (_fanOut is not { } fanOut)
        {
            return null;
        }

        List<Subscription>? behind = null;
        var end = (int)Math.Min(fanOut.To.Length, (long)fanOut.Next + count);
        for (; fanOut.Next < end; fanOut.Next++)
        {
            if (!fanOut.To[fanOut.Next].Offer(fanOut.Batch))
            {
                (behind ??= []).Add(fanOut.To[fanOut.Next]);
            }
        }

        if (fanOut.Next < fanOut.To.Length)
        {
            // Paced over most of the interval, so the streams' writes (and their readers, on the same cores) come as a
            // steady trickle rather than one burst that every request in it waits out.
            var slices = (fanOut.To.Length + FanOutSlice - 1) / FanOutSlice;
            var pause = Interval() * PacedShare / slices;
            if (pause >= MinPause && !_disposed)
            {
                _fanOutTimer.Change(pause, Timeout.InfiniteTimeSpan);
            }
            else
            {
                ThreadPool.UnsafeQueueUserWorkItem(static events => events.FanOutStep(), this, preferLocal: false);
            }
        }
        else
        {
            _fanOut = null;
        }

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

    // Under the gate. Before the first batch the answer is "long ago": a timestamp of 0 is only the machine's boot, which
    // on a machine up for less than an interval made the first event wait for it.
    private TimeSpan SinceLastFlush() => _flushedOnce ? Stopwatch.GetElapsedTime(_lastFlush) : TimeSpan.MaxValue;

    // Under the gate.
    private TimeSpan Interval() => TimeSpan.FromTicks(Math.Max(_flushInterval.Ticks, FlushIntervalPerStream.Ticks * _subscribers.Count));

    private static List<Subscription>? Both(List<Subscription>? first, List<Subscription>? second) =>
        first is null ? second : second is null ? first : [.. first, .. second];

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

    /// <summary>A batch being handed out, and to whom: the streams open when it was made.</summary>
    private sealed class FanOut(EventBatch batch, Subscription[] to)
    {
        public EventBatch Batch => batch;

        public Subscription[] To => to;

        public int Next { get; set; }
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
        public bool Offer(EventBatch batch)
        {
            if (Interlocked.Add(ref _queued, batch.Count) > SandboxLimits.EventQueueLength)
            {
                return false;
            }

            // False only once the stream has ended, which is not falling behind.
            _queue.Writer.TryWrite(batch);
            return true;
        }

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
