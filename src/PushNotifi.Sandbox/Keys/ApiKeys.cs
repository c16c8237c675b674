using System.Globalization;
using PushNotifi.Sandbox.Logging;
using PushNotifi.Sandbox.Store;

namespace PushNotifi.Sandbox.Keys;

/// <summary>
/// The account API-key lifecycle: create (the full key returned once), list, rotate, revoke, authenticate.
/// At most <see cref="SandboxLimits.MaxActiveApiKeys"/> active keys per account; rotating at the limit is
/// allowed because the old key is revoked in the same step. The records are read from the store once and kept in
/// memory; every change is written to the store first, so it stays the source of truth.
/// </summary>
internal sealed class ApiKeys
{
    /// <summary>How stale the stored <c>last_used_at</c> may be; the list always shows the newest time.</summary>
    public static readonly TimeSpan LastUsedWriteInterval = TimeSpan.FromMinutes(1);

    // Serializes check-then-change steps (the limit, rotation) and every change of the cache.
    private readonly Lock _gate = new();
    private readonly IApiKeyStore _store;
    private readonly KeyHasher _hasher;
    private readonly SandboxSecrets _secrets;
    private readonly TimeProvider _clock;

    // Replaced whole on every change, so Match reads a consistent snapshot without the gate.
    private volatile ApiKeyRecord[] _records;

    // Per key id: the newest successful use, and the last_used_at the store holds (written at most once a minute).
    private readonly Dictionary<string, DateTimeOffset> _lastUsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset?> _storedLastUse = new(StringComparer.Ordinal);

    public ApiKeys(IApiKeyStore store, KeyHasher hasher, SandboxSecrets secrets, TimeProvider clock)
    {
        _store = store;
        _hasher = hasher;
        _secrets = secrets;
        _clock = clock;
        _records = [.. store.All()];
        foreach (var record in _records)
        {
            _storedLastUse[record.Id] = record.LastUsedAt;
        }
    }

    public KeyHasher Hasher => _hasher;

    /// <summary>
    /// Makes a configured key (e.g. <c>PUSHNOTIFI_USER_KEY</c>) a <c>full</c> key of its account unless the store
    /// already knows it, so existing setups keep working and a restart with the same data file adds nothing.
    /// </summary>
    public void Seed(int account, string key, string label)
    {
        lock (_gate)
        {
            var hash = _hasher.Hash(key);
            if (_records.Any(r => KeyHasher.SameHash(r.Hash, hash)))
            {
                return;
            }

            Add(NewRecord(account, label, ApiKeyScopes.Full, hash, key));
        }
    }

    /// <summary>The keys of <paramref name="account"/>, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKeyRecord> List(int account)
    {
        lock (_gate)
        {
            return [.. _records.Where(r => r.Account == account).Select(WithLastUse)];
        }
    }

    /// <summary>Every account's keys, for the inbox page.</summary>
    public IReadOnlyList<ApiKeyRecord> All()
    {
        lock (_gate)
        {
            return [.. _records.Select(WithLastUse)];
        }
    }

    /// <summary>Creates a key; null when the account already has the maximum of active keys.</summary>
    public (ApiKeyRecord Record, string Key)? Create(int account, string label, string scope)
    {
        lock (_gate)
        {
            if (List(account).Count(r => r.Active) >= SandboxLimits.MaxActiveApiKeys)
            {
                return null;
            }

            var key = NewKey();
            var record = NewRecord(account, label, scope, _hasher.Hash(key), key);
            Add(record);
            return (record, key);
        }
    }

    /// <summary>
    /// Replaces an active key with a new one of the same scope and label, revoking the old one in the same step.
    /// Null when <paramref name="id"/> is not an active key of the account.
    /// </summary>
    public (ApiKeyRecord Record, string Key, ApiKeyRecord Revoked)? Rotate(int account, string id)
    {
        lock (_gate)
        {
            if (Find(account, id) is not { Active: true } old)
            {
                return null;
            }

            var revoked = old with { RevokedAt = _clock.GetUtcNow() };
            Update(revoked);
            var key = NewKey();
            var record = NewRecord(account, old.Label, old.Scope, _hasher.Hash(key), key);
            Add(record);
            return (record, key, revoked);
        }
    }

    /// <summary>Revokes a key at once; a second revoke changes nothing. Null when the account has no such key.</summary>
    public ApiKeyRecord? Revoke(int account, string id)
    {
        lock (_gate)
        {
            if (Find(account, id) is not { } record)
            {
                return null;
            }

            if (record.Active)
            {
                record = record with { RevokedAt = _clock.GetUtcNow() };
                Update(record);
            }

            return record;
        }
    }

    /// <summary>
    /// The key record <paramref name="presented"/> matches (active or revoked), or null. Every known hash is
    /// compared in constant time, so timing tells nothing about which key, or how much of one, matched.
    /// </summary>
    public ApiKeyRecord? Match(string presented)
    {
        var hash = _hasher.Hash(presented);
        ApiKeyRecord? found = null;
        foreach (var record in _records)
        {
            if (KeyHasher.SameHash(record.Hash, hash))
            {
                found ??= record;
            }
        }

        if (found is not null)
        {
            _secrets.MatchedKey(presented);
        }

        return found;
    }

    /// <summary>
    /// Records a successful authentication: <c>last_used_at</c> at once in memory (what the lists show), and in the
    /// store when it holds no time for the key or one at least <see cref="LastUsedWriteInterval"/> older.
    /// </summary>
    public void Touch(ApiKeyRecord record)
    {
        // Under the gate so a rotate or revoke (which rewrite the whole record) cannot lose this time.
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            _lastUsed[record.Id] = now;
            if (_storedLastUse.GetValueOrDefault(record.Id) is not { } stored || now - stored >= LastUsedWriteInterval)
            {
                _store.Touch(record.Id, now);
                _storedLastUse[record.Id] = now;
            }
        }
    }

    /// <summary>Writes every <c>last_used_at</c> held only in memory, so a restart reads the newest times back.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            foreach (var (id, used) in _lastUsed)
            {
                if (_storedLastUse.GetValueOrDefault(id) != used)
                {
                    _store.Touch(id, used);
                    _storedLastUse[id] = used;
                }
            }
        }
    }

    // Callers hold the gate.
    private ApiKeyRecord? Find(int account, string id) =>
        _records.FirstOrDefault(r => r.Account == account && string.Equals(r.Id, id, StringComparison.Ordinal)) is { } found
            ? WithLastUse(found)
            : null;

    // The newest last_used_at, which the store may not hold yet; callers hold the gate.
    private ApiKeyRecord WithLastUse(ApiKeyRecord record) =>
        _lastUsed.TryGetValue(record.Id, out var used) && (record.LastUsedAt is not { } stored || used > stored)
            ? record with { LastUsedAt = used }
            : record;

    // Callers hold the gate: the store first, so a failed write leaves the cache as the store is.
    private void Add(ApiKeyRecord record)
    {
        _store.Add(record);
        _storedLastUse[record.Id] = record.LastUsedAt;
        _records = [.. _records, record];
    }

    private void Update(ApiKeyRecord record)
    {
        _store.Update(record);
        _storedLastUse[record.Id] = record.LastUsedAt;
        var records = (ApiKeyRecord[])_records.Clone();
        records[Array.FindIndex(records, r => r.Id == record.Id)] = record;
        _records = records;
    }

    private ApiKeyRecord NewRecord(int account, string label, string scope, byte[] hash, string key) => new()
    {
        Id = "key_" + (_records.Length + 1).ToString(CultureInfo.InvariantCulture),
        Account = account,
        Label = label,
        Scope = scope,
        Hash = hash,
        LastFour = SandboxSecrets.LastFour(key),
        CreatedAt = _clock.GetUtcNow(),
    };

    // Shaped like a user key ('u' + 31 letters or digits), so the client accepts it as PUSHNOTIFI_USER_KEY.
    // Remembered by the secrets before anyone sees it, so it is hidden wherever it is pasted.
    private string NewKey()
    {
        var key = KeyHasher.RandomKey("u");
        _secrets.Issued(key);
        return key;
    }
}
