using PushNotifi.Sandbox.Web;

namespace PushNotifi.Sandbox.Store;

/// <summary>
/// Thread-safe record of what the sandbox received: requests (always in memory, the last
/// <paramref name="maxRequests"/> of them) and delivered notifications with their alerts and acks (in the
/// <see cref="INotificationStore"/>, which keeps its own cap). Tells <see cref="SandboxEvents"/> of every ack and
/// clear; a delivery is announced with the request that made it (<see cref="PushNotifi.Sandbox.Api.DeliveredNotification"/>). With <paramref name="groupCommits"/> (a data file), concurrent sends are stored in groups, one commit
/// each (see <see cref="DeliveryQueue"/>).
/// </summary>
internal sealed class SandboxStore(INotificationStore notifications, SandboxEvents events, int maxRequests, bool groupCommits = false) : IDisposable
{
    private readonly Lock _gate = new();

    // The traffic log has a lock of its own: requests are logged while a group of sends is being stored and committed.
    private readonly Lock _requestsGate = new();

    // A ring: the oldest request leaves when a new one would pass the cap.
    private readonly Queue<SandboxRequest> _requests = new();
    private long _nextRequest;
    private readonly Lock _queueGate = new();
    private DeliveryQueue? _queue;

    /// <summary>The group commit's queue, once a send made it (for tests).</summary>
    internal DeliveryQueue? Queue => Volatile.Read(ref _queue);

    /// <summary>The lock deliveries are stored under (for tests, to hold a group back).</summary>
    internal Lock Gate => _gate;

    /// <summary>Where notifications are kept (for tests).</summary>
    internal INotificationStore NotificationStore => notifications;

    public IReadOnlyList<CapturedNotification> Notifications
    {
        get
        {
            lock (_gate)
            {
                return notifications.All();
            }
        }
    }

    public IReadOnlyList<SandboxRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Up to <paramref name="limit"/> of the newest notifications numbered below <paramref name="before"/> (any when null), oldest first.</summary>
    public IReadOnlyList<CapturedNotification> NotificationsPage(long? before, int limit)
    {
        lock (_gate)
        {
            return notifications.Page(before, limit);
        }
    }

    /// <summary>Up to <paramref name="limit"/> of the newest requests with a sequence below <paramref name="before"/> (any when null), oldest first.</summary>
    public IReadOnlyList<SandboxRequest> RequestsPage(long? before, int limit)
    {
        lock (_requestsGate)
        {
            // The ring is in arrival order, which is sequence order: the page is its last matching entries.
            var matching = before is { } b ? _requests.Where(r => r.Sequence < b) : _requests;
            return [.. matching.TakeLast(limit)];
        }
    }

    public long NextRequestSequence() => Interlocked.Increment(ref _nextRequest);

    public void AddRequest(SandboxRequest request)
    {
        lock (_requestsGate)
        {
            if (_requests.Count >= maxRequests)
            {
                _requests.Dequeue();
            }

            _requests.Enqueue(request);
        }
    }

    /// <summary>
    /// Delivers a notification unless its account already delivered its idempotency key; then returns
    /// the earlier notification (with its id and alert id) and <c>duplicate = true</c>. Check and add
    /// happen under one lock so concurrent retries deliver once. <paramref name="apiKey"/> is the key it was sent
    /// with, so a persistent store can keep it out of the file.
    /// </summary>
    public (CapturedNotification Notification, bool Duplicate) Deliver(Func<string, CapturedNotification> create, string? apiKey = null)
    {
        (CapturedNotification Notification, bool Duplicate) delivered;
        lock (_gate)
        {
            delivered = DeliverLocked(create, apiKey);
        }

        return delivered;
    }

    /// <summary>
    /// <see cref="Deliver"/>, answered once the delivery is committed; with a data file it shares its commit with the
    /// sends that arrive meanwhile.
    /// </summary>
    public Task<(CapturedNotification Notification, bool Duplicate)> DeliverAsync(Func<string, CapturedNotification> create, string? apiKey = null)
    {
        if (!groupCommits)
        {
            return Task.FromResult(Deliver(create, apiKey));
        }

        return (Volatile.Read(ref _queue) ?? CreateQueue()).Enqueue(create, apiKey);
    }

    public void Dispose() => Queue?.Dispose();

    // Not the store's lock: a send must reach the queue while a group holds that one.
    private DeliveryQueue CreateQueue()
    {
        lock (_queueGate)
        {
            return _queue ??= new DeliveryQueue(DeliverGroup);
        }
    }

    private (CapturedNotification Notification, bool Duplicate) DeliverLocked(Func<string, CapturedNotification> create, string? apiKey)
    {
        var candidate = create(notifications.NextId());
        if (candidate.IdempotencyKey is { } key && notifications.FindByIdempotencyKey(candidate.Account, key) is { } earlier)
        {
            return (earlier, true);
        }

        return (notifications.Add(candidate, apiKey), false);
    }

    // One transaction for the group. When one delivery fails, the group rolls back: that one is answered with its error
    // and the others are stored again without it (a retry of theirs would be a new send, as they were never answered).
    private void DeliverGroup(IReadOnlyList<DeliveryQueue.Delivery> group)
    {
        var remaining = group.ToList();
        while (remaining.Count > 0)
        {
            var delivered = new List<(CapturedNotification Notification, bool Duplicate)>(remaining.Count);
            DeliveryQueue.Delivery? failing = null;
            try
            {
                lock (_gate)
                {
                    notifications.Batch(() =>
                    {
                        foreach (var delivery in remaining)
                        {
                            failing = delivery;
                            delivered.Add(DeliverLocked(delivery.Create, delivery.ApiKey));
                        }

                        failing = null;
                    });
                }
            }
            catch (Exception e)
            {
                if (failing is null)
                {
                    // The commit itself failed: nothing of the group is stored.
                    foreach (var delivery in remaining)
                    {
                        delivery.Done.TrySetException(e);
                    }

                    return;
                }

                failing.Done.TrySetException(e);
                remaining.Remove(failing);
                continue;
            }

            for (var i = 0; i < remaining.Count; i++)
            {
                remaining[i].Done.TrySetResult(delivered[i]);
            }

            return;
        }
    }

    /// <summary>
    /// The notification carrying <paramref name="alertId"/>, or null when unknown or when
    /// <paramref name="account"/> is given and is not the account that sent it.
    /// </summary>
    public CapturedNotification? FindAlert(string alertId, int? account)
    {
        lock (_gate)
        {
            return notifications.FindByAlertId(alertId) is { } alert && Owns(alert, account) ? alert : null;
        }
    }

    /// <summary>
    /// Records the first ack of an alert; a later one changes nothing and returns the alert as it is
    /// with <c>alreadyAcked = true</c>. Null when the alert is unknown (or was cleared meanwhile).
    /// </summary>
    public (CapturedNotification Notification, bool AlreadyAcked)? Ack(
        string alertId, int? account, string deviceId, string? response, string? comment, DateTimeOffset at)
    {
        CapturedNotification acked;
        lock (_gate)
        {
            if (notifications.FindByAlertId(alertId) is not { } current || !Owns(current, account))
            {
                return null;
            }

            if (current.Acked)
            {
                return (current, true);
            }

            acked = notifications.Update(current with { Acked = true, AckedAt = at, AckedByDeviceId = deviceId, Response = response, Comment = comment });
        }

        events.Publish(new SandboxEvent(SandboxEvent.Acked, acked));
        return (acked, false);
    }

    /// <summary>Forgets notifications, requests, alerts and delivered idempotency keys. Ids keep counting up.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            notifications.Clear();
            lock (_requestsGate)
            {
                _requests.Clear();
            }
        }

        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
    }

    private static bool Owns(CapturedNotification notification, int? account) =>
        account is null || notification.Account == account;
}
