using System.Threading.Channels;

namespace PushNotifi.Sandbox.Store;

/// <summary>
/// Group commit for a data file: sends wait here, and one writer hands every send that arrived while it stored the
/// last group to <c>storeGroup</c>, which stores them in one transaction. Each send's task completes when its group
/// is committed (or failed), so an answered send is in the file exactly as when each committed on its own; a commit,
/// the costly part of a send with a data file, is shared by every send that queued during the one before.
/// </summary>
internal sealed class DeliveryQueue : IDisposable
{
    // Bounds how long one group holds the store's lock, so acks and reads still get a turn under a flood of sends.
    private const int MaxGroup = 256;

    private readonly Channel<Delivery> _waiting = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<IReadOnlyList<Delivery>> _storeGroup;
    private readonly Task _writer;
    private long _count;

    /// <param name="storeGroup">Stores a group and completes each of its deliveries; runs on the writer, one group at a time.</param>
    public DeliveryQueue(Action<IReadOnlyList<Delivery>> storeGroup)
    {
        _storeGroup = storeGroup;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Sends queued so far, for tests.</summary>
    public long Enqueued => Interlocked.Read(ref _count);

    public Task<(CapturedNotification Notification, bool Duplicate)> Enqueue(Func<string, CapturedNotification> create, string? apiKey)
    {
        var delivery = new Delivery(create, apiKey);
        if (!_waiting.Writer.TryWrite(delivery))
        {
            throw new ObjectDisposedException(nameof(DeliveryQueue), "The sandbox is stopping.");
        }

        Interlocked.Increment(ref _count);

        return delivery.Done.Task;
    }

    /// <summary>Stores what is still waiting, then stops the writer.</summary>
    public void Dispose()
    {
        _waiting.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    private async Task WriteAsync()
    {
        var group = new List<Delivery>();
        while (await _waiting.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (group.Count < MaxGroup && _waiting.Reader.TryRead(out var delivery))
            {
                group.Add(delivery);
            }

            try
            {
                _storeGroup(group);
            }
            catch (Exception e)
            {
                // storeGroup answers each delivery itself; this is a failure of its own, and no send may hang on it.
                foreach (var delivery in group)
                {
                    delivery.Done.TrySetException(e);
                }
            }

            group.Clear();
        }
    }

    /// <summary>One send waiting for its group: how to make its notification, its key, and its answer.</summary>
    internal sealed class Delivery(Func<string, CapturedNotification> create, string? apiKey)
    {
        public Func<string, CapturedNotification> Create => create;

        public string? ApiKey => apiKey;

        /// <summary>Completes on its own thread-pool turn, so the writer goes on to the next group at once.</summary>
        public TaskCompletionSource<(CapturedNotification Notification, bool Duplicate)> Done { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
