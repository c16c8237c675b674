using System.Threading.Channels;

namespace PushNotifi.Sandbox;

/// <summary>
/// Fans sandbox events out to every open <c>/sandbox/events</c> stream. Each subscriber has its own
/// bounded queue, so a stalled browser tab never slows an API request down.
/// </summary>
internal sealed class SandboxEvents
{
    private const int QueueLength = 256;

    private readonly Lock _gate = new();
    private readonly List<Channel<SandboxEvent>> _subscribers = [];

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
        Channel<SandboxEvent>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Writer.TryWrite(sandboxEvent);
        }
    }

    /// <summary>Starts queueing events for one stream; dispose the subscription when the stream ends.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<SandboxEvent>(new BoundedChannelOptions(QueueLength)
        {
            // One stream reads it, and never has more than one wait pending (see EventStream).
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropOldest,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    private void Remove(Channel<SandboxEvent> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>One stream's queue of events.</summary>
    internal sealed class Subscription(SandboxEvents owner, Channel<SandboxEvent> channel) : IDisposable
    {
        public ChannelReader<SandboxEvent> Reader => channel.Reader;

        public void Dispose() => owner.Remove(channel);
    }
}
