namespace PushNotifi.Sandbox;

/// <summary>
/// Thread-safe record of what the sandbox received: requests (always in memory, the last
/// <paramref name="maxRequests"/> of them) and delivered notifications with their alerts and acks (in the
/// <see cref="INotificationStore"/>, which keeps its own cap). Tells <see cref="SandboxEvents"/> of every delivery, ack
/// and clear.
/// </summary>
internal sealed class SandboxStore(INotificationStore notifications, SandboxEvents events, int maxRequests)
{
    private readonly Lock _gate = new();

    // A ring: the oldest request leaves when a new one would pass the cap.
    private readonly Queue<SandboxRequest> _requests = new();
    private long _nextRequest;

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
            lock (_gate)
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
        lock (_gate)
        {
            // The ring is in arrival order, which is sequence order: the page is its last matching entries.
            var matching = before is { } b ? _requests.Where(r => r.Sequence < b) : _requests;
            return [.. matching.TakeLast(limit)];
        }
    }

    public long NextRequestSequence() => Interlocked.Increment(ref _nextRequest);

    public void AddRequest(SandboxRequest request)
    {
        lock (_gate)
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
        CapturedNotification notification;
        lock (_gate)
        {
            var candidate = create(notifications.NextId());
            if (candidate.IdempotencyKey is { } key && notifications.FindByIdempotencyKey(candidate.Account, key) is { } earlier)
            {
                return (earlier, true);
            }

            notification = notifications.Add(candidate, apiKey);
        }

        events.Publish(new SandboxEvent(SandboxEvent.Delivered, notification));
        return (notification, false);
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
            _requests.Clear();
        }

        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
    }

    private static bool Owns(CapturedNotification notification, int? account) =>
        account is null || notification.Account == account;
}
