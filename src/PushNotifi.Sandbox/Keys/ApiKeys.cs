using System.Globalization;

namespace PushNotifi.Sandbox;

/// <summary>
/// The account API-key lifecycle: create (the full key returned once), list, rotate, revoke, authenticate.
/// At most <see cref="SandboxLimits.MaxActiveApiKeys"/> active keys per account; rotating at the limit is
/// allowed because the old key is revoked in the same step.
/// </summary>
internal sealed class ApiKeys
{
    // Serializes check-then-change steps (the limit, rotation); the store makes single calls atomic.
    private readonly Lock _gate = new();
    private readonly IApiKeyStore _store;
    private readonly KeyHasher _hasher;
    private readonly TimeProvider _clock;

    public ApiKeys(IApiKeyStore store, KeyHasher hasher, TimeProvider clock)
    {
        _store = store;
        _hasher = hasher;
        _clock = clock;
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
            if (_store.All().Any(r => KeyHasher.SameHash(r.Hash, hash)))
            {
                return;
            }

            _store.Add(NewRecord(account, label, ApiKeyScopes.Full, hash, key));
        }
    }

    /// <summary>The keys of <paramref name="account"/>, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKeyRecord> List(int account) => [.. _store.All().Where(r => r.Account == account)];

    /// <summary>Every account's keys, for the inbox page.</summary>
    public IReadOnlyList<ApiKeyRecord> All() => _store.All();

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
            _store.Add(record);
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
            _store.Update(revoked);
            var key = NewKey();
            var record = NewRecord(account, old.Label, old.Scope, _hasher.Hash(key), key);
            _store.Add(record);
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
                _store.Update(record);
            }

            return record;
        }
    }

    /// <summary>
    /// The key record <paramref name="presented"/> matches (active or revoked), or null. Every stored hash is
    /// compared in constant time, so timing tells nothing about which key, or how much of one, matched.
    /// </summary>
    public ApiKeyRecord? Match(string presented)
    {
        var hash = _hasher.Hash(presented);
        ApiKeyRecord? found = null;
        foreach (var record in _store.All())
        {
            if (KeyHasher.SameHash(record.Hash, hash))
            {
                found ??= record;
            }
        }

        return found;
    }

    /// <summary>Records a successful authentication (<c>last_used_at</c>).</summary>
    public void Touch(ApiKeyRecord record)
    {
        // Under the gate so a rotate or revoke (which rewrite the whole record) cannot lose this time.
        lock (_gate)
        {
            _store.Touch(record.Id, _clock.GetUtcNow());
        }
    }

    private ApiKeyRecord? Find(int account, string id) =>
        _store.All().FirstOrDefault(r => r.Account == account && string.Equals(r.Id, id, StringComparison.Ordinal));

    private ApiKeyRecord NewRecord(int account, string label, string scope, byte[] hash, string key) => new()
    {
        Id = "key_" + (_store.All().Count + 1).ToString(CultureInfo.InvariantCulture),
        Account = account,
        Label = label,
        Scope = scope,
        Hash = hash,
        LastFour = SandboxSecrets.LastFour(key),
        CreatedAt = _clock.GetUtcNow(),
    };

    // Shaped like a user key ('u' + 31 letters or digits), so the client accepts it as PUSHNOTIFI_USER_KEY.
    private static string NewKey() => KeyHasher.RandomKey("u");
}
