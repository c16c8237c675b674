using System.Globalization;

namespace PushNotifi.Sandbox.Store;

/// <summary>
/// The default notification store: captures exactly as received, at most <paramref name="maxNotifications"/> of them
/// and at most <see cref="SandboxLimits.StoredBodiesMaxLength"/> characters of bodies and attachments (the oldest
/// dropped first), gone when the sandbox stops.
/// </summary>
internal sealed class InMemoryNotificationStore(int maxNotifications) : INotificationStore
{
    // Every add takes the next number and every drop the oldest, so the kept ones are numbered _first.._delivered
    // with no gap: a page is a walk down from its start, and a drop is one lookup.
    private readonly Dictionary<long, CapturedNotification> _byNumber = [];
    private readonly Dictionary<string, long> _numberByIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _numberByAlertId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _numberById = new(StringComparer.Ordinal);
    private long _delivered;
    private long _first = 1;
    private long _bodies;

    public IReadOnlyList<CapturedNotification> All() => Page(before: null, limit: int.MaxValue);

    public IReadOnlyList<CapturedNotification> Page(long? before, int limit)
    {
        var last = Math.Min(_delivered, (before ?? long.MaxValue) - 1);
        var first = Math.Max(_first, last - Math.Min(limit, _byNumber.Count) + 1);
        var page = new List<CapturedNotification>((int)Math.Max(0, last - first + 1));
        for (var number = first; number <= last; number++)
        {
            page.Add(_byNumber[number]);
        }

        return page;
    }

    public string NextId() => "n_" + (_delivered + 1).ToString(CultureInfo.InvariantCulture);

    public CapturedNotification? FindByIdempotencyKey(int? account, string idempotencyKey) =>
        _numberByIdempotencyKey.TryGetValue(Scoped(account, idempotencyKey), out var number) ? _byNumber[number] : null;

    public CapturedNotification? FindByAlertId(string alertId) =>
        _numberByAlertId.TryGetValue(alertId, out var number) ? _byNumber[number] : null;

    public void Batch(Action deliveries) => deliveries();

    public CapturedNotification Add(CapturedNotification notification, string? apiKey)
    {
        var number = ++_delivered;
        _byNumber[number] = notification;
        _numberById[notification.Id] = number;
        if (notification.IdempotencyKey is { } key)
        {
            _numberByIdempotencyKey[Scoped(notification.Account, key)] = number;
        }

        if (notification.AlertId is { } alertId)
        {
            _numberByAlertId[alertId] = number;
        }

        _bodies += Size(notification);
        while (_byNumber.Count > maxNotifications || (_bodies > SandboxLimits.StoredBodiesMaxLength && _byNumber.Count > 1))
        {
            DropOldest();
        }

        return notification;
    }

    public CapturedNotification Update(CapturedNotification notification)
    {
        if (_numberById.TryGetValue(notification.Id, out var number))
        {
            _bodies += Size(notification) - Size(_byNumber[number]);
            _byNumber[number] = notification;
        }

        return notification;
    }

    public void Clear()
    {
        _byNumber.Clear();
        _numberByIdempotencyKey.Clear();
        _numberByAlertId.Clear();
        _numberById.Clear();
        _first = _delivered + 1;
        _bodies = 0;
    }

    private void DropOldest()
    {
        if (_byNumber.Remove(_first, out var oldest))
        {
            _bodies -= Size(oldest);
            _numberById.Remove(oldest.Id);
            if (oldest.IdempotencyKey is { } key)
            {
                _numberByIdempotencyKey.Remove(Scoped(oldest.Account, key));
            }

            if (oldest.AlertId is { } alertId)
            {
                _numberByAlertId.Remove(alertId);
            }
        }

        _first++;
    }

    // What can be megabytes: the body as received and the attachment in it.
    private static long Size(CapturedNotification n) => n.RawBody.Length + (n.AttachmentBase64?.Length ?? 0);

    // Idempotency keys belong to an account: another account's key never collides.
    private static string Scoped(int? account, string key) =>
        (account?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + "\n" + key;
}
