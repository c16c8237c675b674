using System.Threading.Channels;

namespace PushNotifi.Sandbox;

/// <summary>
/// Fans sandbox events out to every open <c>/sandbox/events</c> stream. Each event is serialized once, numbered, and
/// kept in a bounded replay buffer for streams that reconnect with <c>Last-Event-ID</c>. Each stream has its own
/// bounded queue; a stream that falls <see cref="SandboxLimits.EventQueueLength"/> events behind is dropped (its
/// connection closed, so the page reconnects and catches up) rather than losing events silently or slowing the API.
/// </summary>
internal sealed class SandboxEvents(SandboxSecrets secrets)
{
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscribers = [];
    private readonly Queue<EventFrame> _recent = new();
    private long _lastId;

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
        var json = EventFrame.Json(secrets, sandboxEvent);
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
            foreach (var subscriber in _subscribers)
            {
                if (!subscriber.Queue.Writer.TryWrite(frame))
                {
                    (behind ??= []).Add(subscriber);
                }
            }
        }

        foreach (var subscriber in behind ?? [])
        {
            subscriber.Drop();
        }
    }

    /// <summary>Closes every open stream as if it had fallen behind, so tests can make pages reconnect.</summary>
    internal void DropAll()
    {
        Subscription[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Drop();
        }
    }

    /// <summary>
    /// Starts queueing events for one stream; dispose the subscription when the stream ends. With the
    /// <paramref name="lastEventId"/> a reconnecting page sends, the subscription carries the events it missed, or
    /// says it must reload when they are no longer all in the replay buffer.
    /// </summary>
    public Subscription Subscribe(long? lastEventId)
    {
        var queue = Channel.CreateBounded<EventFrame>(new BoundedChannelOptions(SandboxLimits.EventQueueLength)
        {
            // One stream reads it, and never has more than one wait pending (see EventStream).
            SingleReader = true,
            // Full means TryWrite fails, and Publish drops the stream.
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (_gate)
        {
            // Under the publish lock: nothing is missed or sent twice between the replay and the queue.
            IReadOnlyList<EventFrame> missed = [];
            var reload = false;
            if (lastEventId is { } last && last != _lastId)
            {
                // Caught up only if every event after `last` is still buffered (and `last` is from this run).
                reload = last > _lastId || _recent.Count == 0 || _recent.Peek().Id > last + 1;
                missed = reload ? [] : [.. _recent.Where(f => f.Id > last)];
            }

            var subscription = new Subscription(this, queue, _lastId, missed, reload);
            _subscribers.Add(subscription);
            return subscription;
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }

        subscription.Queue.Writer.TryComplete();
    }

    /// <summary>One stream's queue of events, and what it must send first.</summary>
    internal sealed class Subscription(
        SandboxEvents owner, Channel<EventFrame> queue, long lastId, IReadOnlyList<EventFrame> missed, bool reload) : IDisposable
    {
        private readonly CancellationTokenSource _dropped = new();

        public Channel<EventFrame> Queue => queue;

        public ChannelReader<EventFrame> Reader => queue.Reader;

        /// <summary>The id of the last event published before it subscribed.</summary>
        public long LastId => lastId;

        /// <summary>Events after the stream's <c>Last-Event-ID</c>, to send before the queue.</summary>
        public IReadOnlyList<EventFrame> Missed => missed;

        /// <summary>The stream's <c>Last-Event-ID</c> is too old (or from another run): the page must reload.</summary>
        public bool MustReload => reload;

        /// <summary>Fires when the stream fell too far behind and must close.</summary>
        public CancellationToken Dropped => _dropped.Token;

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
