using System.Globalization;

namespace PushNotifi.Sandbox;

/// <summary>The default notification store: captures exactly as received, gone when the sandbox stops.</summary>
internal sealed class InMemoryNotificationStore : INotificationStore
{
    private readonly List<CapturedNotification> _notifications = [];
    private readonly Dictionary<string, int> _indexByIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _indexByAlertId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private long _delivered;

    public IReadOnlyList<CapturedNotification> All() => [.. _notifications];

    public string NextId() => "n_" + (_delivered + 1).ToString(CultureInfo.InvariantCulture);

    public CapturedNotification? FindByIdempotencyKey(int? account, string idempotencyKey) =>
        _indexByIdempotencyKey.TryGetValue(Scoped(account, idempotencyKey), out var index) ? _notifications[index] : null;

    public CapturedNotification? FindByAlertId(string alertId) =>
        _indexByAlertId.TryGetValue(alertId, out var index) ? _notifications[index] : null;

    public CapturedNotification Add(CapturedNotification notification, string? apiKey)
    {
        _delivered++;
        var index = _notifications.Count;
        _notifications.Add(notification);
        _indexById[notification.Id] = index;
        if (notification.IdempotencyKey is { } key)
        {
            _indexByIdempotencyKey[Scoped(notification.Account, key)] = index;
        }

        if (notification.AlertId is { } alertId)
        {
            _indexByAlertId[alertId] = index;
        }

        return notification;
    }

    public CapturedNotification Update(CapturedNotification notification)
    {
        if (_indexById.TryGetValue(notification.Id, out var index))
        {
            _notifications[index] = notification;
        }

        return notification;
    }

    public void Clear()
    {
        _notifications.Clear();
        _indexByIdempotencyKey.Clear();
        _indexByAlertId.Clear();
        _indexById.Clear();
    }

    // Idempotency keys belong to an account: another account's key never collides.
    private static string Scoped(int? account, string key) =>
        (account?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + "\n" + key;
}
