using PushNotifi.Sandbox.Keys;

namespace PushNotifi.Sandbox.Store;

/// <summary>
/// Where account API keys live: in memory by default, or in SQLite with <c>--data</c>. Holds hashes only.
/// Callers serialize multi-step changes (rotation) themselves; each call is atomic on its own.
/// </summary>
internal interface IApiKeyStore
{
    /// <summary>Every key ever made, revoked ones included, oldest first.</summary>
    IReadOnlyList<ApiKeyRecord> All();

    /// <summary>Adds a new key.</summary>
    void Add(ApiKeyRecord record);

    /// <summary>Replaces the key with the same <see cref="ApiKeyRecord.Id"/>.</summary>
    void Update(ApiKeyRecord record);

    /// <summary>
    /// Sets <see cref="ApiKeyRecord.LastUsedAt"/> of key <paramref name="id"/> alone, so a revoke that raced the request
    /// is kept; an unknown id changes nothing.
    /// </summary>
    void Touch(string id, DateTimeOffset at);
}
