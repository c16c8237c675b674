namespace PushNotifi.Sandbox;

/// <summary>
/// Thread-safe record of what the sandbox received: requests, delivered notifications and the
/// idempotency keys already delivered.
/// </summary>
internal sealed class SandboxStore
{
    private readonly Lock _gate = new();
    private readonly List<CapturedNotification> _notifications = [];
    private readonly List<SandboxRequest> _requests = [];
    private readonly Dictionary<string, string> _idByIdempotencyKey = new(StringComparer.Ordinal);
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
    /// Delivers a notification unless its idempotency key was delivered before; then returns the
    /// earlier id and <c>duplicate = true</c>. Check and add happen under one lock so concurrent
    /// retries deliver once.
    /// </summary>
    public (string Id, bool Duplicate) Deliver(Func<string, CapturedNotification> create)
    {
        lock (_gate)
        {
            var id = "n_" + (++_nextNotification).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var notification = create(id);
            if (notification.IdempotencyKey is { } key)
            {
                if (_idByIdempotencyKey.TryGetValue(key, out var existing))
                {
                    _nextNotification--;
                    return (existing, true);
                }

                _idByIdempotencyKey[key] = id;
            }

            _notifications.Add(notification);
            return (id, false);
        }
    }

    /// <summary>Forgets notifications, requests and delivered idempotency keys. Ids keep counting up.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _notifications.Clear();
            _requests.Clear();
            _idByIdempotencyKey.Clear();
        }
    }
}
