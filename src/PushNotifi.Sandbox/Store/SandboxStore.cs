namespace PushNotifi.Sandbox;

/// <summary>
/// Thread-safe record of what the sandbox received: requests, delivered notifications (with their
/// alerts and acks) and the idempotency keys already delivered. Tells <see cref="SandboxEvents"/> of
/// every delivery, ack and clear.
/// </summary>
internal sealed class SandboxStore(SandboxEvents events)
{
    private readonly Lock _gate = new();
    private readonly List<CapturedNotification> _notifications = [];
    private readonly List<SandboxRequest> _requests = [];
    private readonly Dictionary<string, int> _indexByIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _indexByAlertId = new(StringComparer.Ordinal);
    private long _nextNotification;
    private long _nextRequest;

    public IReadOnlyList<CapturedNotification> Notifications
    {
        get
        {
            lock (_gate)
            {
                return [.. _notifications];
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
    /// happen under one lock so concurrent retries deliver once.
    /// </summary>
    public (CapturedNotification Notification, bool Duplicate) Deliver(Func<string, CapturedNotification> create)
    {
        CapturedNotification notification;
        lock (_gate)
        {
            var id = "n_" + (_nextNotification + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            notification = create(id);
            string? scopedKey = null;
            if (notification.IdempotencyKey is { } key)
            {
                // Idempotency keys belong to an account: another account's key never collides.
                scopedKey = (notification.AccountKey ?? string.Empty) + "\n" + key;
                if (_indexByIdempotencyKey.TryGetValue(scopedKey, out var existing))
                {
                    return (_notifications[existing], true);
                }
            }

            _nextNotification++;
            var index = _notifications.Count;
            _notifications.Add(notification);
            if (scopedKey is not null)
            {
                _indexByIdempotencyKey[scopedKey] = index;
            }

            if (notification.AlertId is { } alertId)
            {
                _indexByAlertId[alertId] = index;
            }
        }

        events.Publish(new SandboxEvent(SandboxEvent.Delivered, notification));
        return (notification, false);
    }

    /// <summary>
    /// The notification carrying <paramref name="alertId"/>, or null when unknown or when
    /// <paramref name="accountKey"/> is given and is not the account that sent it.
    /// </summary>
    public CapturedNotification? FindAlert(string alertId, string? accountKey)
    {
        lock (_gate)
        {
            return _indexByAlertId.TryGetValue(alertId, out var index) && Owns(_notifications[index], accountKey)
                ? _notifications[index]
                : null;
        }
    }

    /// <summary>
    /// Records the first ack of an alert; a later one changes nothing and returns the alert as it is
    /// with <c>alreadyAcked = true</c>. Null when the alert is unknown (or was cleared meanwhile).
    /// </summary>
    public (CapturedNotification Notification, bool AlreadyAcked)? Ack(
        string alertId, string? accountKey, string deviceId, string? response, string? comment, DateTimeOffset at)
    {
        CapturedNotification acked;
        lock (_gate)
        {
            if (!_indexByAlertId.TryGetValue(alertId, out var index) || !Owns(_notifications[index], accountKey))
            {
                return null;
            }

            var current = _notifications[index];
            if (current.Acked)
            {
                return (current, true);
            }

            acked = current with { Acked = true, AckedAt = at, AckedByDeviceId = deviceId, Response = response, Comment = comment };
            _notifications[index] = acked;
        }

        events.Publish(new SandboxEvent(SandboxEvent.Acked, acked));
        return (acked, false);
    }

    /// <summary>Forgets notifications, requests, alerts and delivered idempotency keys. Ids keep counting up.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _notifications.Clear();
            _requests.Clear();
            _indexByIdempotencyKey.Clear();
            _indexByAlertId.Clear();
        }

        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
    }

    private static bool Owns(CapturedNotification notification, string? accountKey) =>
        accountKey is null || string.Equals(notification.AccountKey, accountKey, StringComparison.Ordinal);
}
