namespace PushNotifi.Sandbox.Store;

/// <summary>
/// Where delivered notifications (with their alerts and acks) and the delivered idempotency keys live: in memory by
/// default, or in SQLite with a data file. Callers (<see cref="SandboxStore"/>) serialize calls; the store need not.
/// A store keeps at most <see cref="SandboxOptions.MaxNotifications"/>: adding one more drops the oldest, and with it
/// its idempotency key (a retry of it is delivered again) and its alert (an ack or status of it is a 404).
/// </summary>
internal interface INotificationStore
{
    /// <summary>Every kept notification, oldest first.</summary>
    IReadOnlyList<CapturedNotification> All();

    /// <summary>
    /// Up to <paramref name="limit"/> of the newest kept notifications whose id number (the <c>N</c> of <c>n_N</c>) is
    /// below <paramref name="before"/> (any when null), oldest first: one page of the inbox.
    /// </summary>
    IReadOnlyList<CapturedNotification> Page(long? before, int limit);

    /// <summary>The id the next delivery gets (<c>n_</c> + a number that keeps counting up, even across a clear).</summary>
    string NextId();

    /// <summary>The notification <paramref name="account"/> already delivered with <paramref name="idempotencyKey"/>, or null.</summary>
    CapturedNotification? FindByIdempotencyKey(int? account, string idempotencyKey);

    /// <summary>The notification carrying <paramref name="alertId"/>, or null.</summary>
    CapturedNotification? FindByAlertId(string alertId);

    /// <summary>
    /// Stores a delivery under the id <see cref="NextId"/> gave, drops the oldest beyond the cap, and returns it as stored.
    /// <paramref name="apiKey"/> is the key it was sent with, for a store that must keep keys out of what it writes.
    /// </summary>
    CapturedNotification Add(CapturedNotification notification, string? apiKey);

    /// <summary>
    /// Runs <paramref name="deliveries"/> (calls of <see cref="Add"/> and the reads between them) as one transaction,
    /// committed once when it returns and rolled back when it throws. In memory there is nothing to commit.
    /// </summary>
    void Batch(Action deliveries);

    /// <summary>Replaces the notification with the same id (an ack) and returns it as stored.</summary>
    CapturedNotification Update(CapturedNotification notification);

    /// <summary>Forgets every notification and idempotency key; ids keep counting up.</summary>
    void Clear();
}
