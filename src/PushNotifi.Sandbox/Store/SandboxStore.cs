namespace PushNotifi.Sandbox;

/// <summary>
/// Thread-safe record of what the sandbox received: requests (always in memory) and delivered notifications with
/// their alerts and acks (in the <see cref="INotificationStore"/>). Tells <see cref="SandboxEvents"/> of every
/// delivery, ack and clear.
/// </summary>
internal sealed class SandboxStore(INotificationStore notifications, SandboxEvents events)
{
    private readonly Lock _gate = new();
    private readonly List<SandboxRequest> _requests = [];
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

    public long NextRequestSequence() => Interlocked.Increment(ref _nextRequest);

    public void AddRequest(SandboxRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
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
