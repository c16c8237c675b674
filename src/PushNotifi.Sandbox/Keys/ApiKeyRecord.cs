namespace PushNotifi.Sandbox.Keys;

/// <summary>
/// One account API key as the store keeps it: the HMAC of the key, never the key or any prefix of it.
/// The last 4 characters are kept so people can tell their keys apart.
/// </summary>
internal sealed record ApiKeyRecord
{
    /// <summary>Stable id used by rotate and revoke, e.g. <c>key_3</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Which configured account the key opens: 0 for the main one, then one per extra user key.</summary>
    public required int Account { get; init; }

    /// <summary>A person's name for the key; never derived from the key.</summary>
    public required string Label { get; init; }

    /// <summary><see cref="ApiKeyScopes.Send"/> or <see cref="ApiKeyScopes.Full"/>.</summary>
    public required string Scope { get; init; }

    /// <summary>HMAC-SHA256 of the key under the sandbox's pepper.</summary>
    public required byte[] Hash { get; init; }

    /// <summary>"…" plus the last 4 characters.</summary>
    public required string LastFour { get; init; }

    /// <summary>When the key was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The last successful authentication with it, if any.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>When it was revoked (directly or by rotation); null while active.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Whether the key still opens its account.</summary>
    public bool Active => RevokedAt is null;
}
