namespace PushNotifi;

/// <summary>
/// Small named records with an expiry, beside the claims and counters of <see cref="IPushNotifiStateStore"/>: what a
/// team approval keeps for its lifetime (which alerts it sent, and its decision) so that asking the same approval id
/// again, in this process or another, re-attaches instead of paging again. A separate interface so that existing
/// stores and fakes keep compiling; <see cref="InMemoryPushNotifiStateStore"/> and <c>PushNotifi.Redis</c>'s store implement it.
/// </summary>
/// <remarks>
/// Like the state store, an implementation never throws for an unavailable backend: a lost record costs a re-send
/// whose idempotency key the API deduplicates, never a reused answer.
/// </remarks>
public interface IPushNotifiRecordStore
{
    /// <summary>Reads the record <paramref name="key"/>; null when there is none or it expired.</summary>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes (or replaces) the record <paramref name="key"/>, kept for <paramref name="window"/> from this call.</summary>
    ValueTask SetAsync(string key, string value, TimeSpan window, CancellationToken cancellationToken = default);
}
