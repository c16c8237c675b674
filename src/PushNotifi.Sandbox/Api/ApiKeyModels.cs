using System.Text.Json.Serialization;
using PushNotifi.Sandbox.Keys;

namespace PushNotifi.Sandbox.Api;

// Bodies of the /api/v1/api-keys management endpoints (snake_case through WireJsonContext).

/// <summary>Body of <c>POST /api/v1/api-keys</c>: both optional (scope defaults to <c>send</c>, the least).</summary>
internal sealed record ApiKeyCreateRequest(string? Label, string? Scope);

/// <summary>A key as listed: never the key, its hash or a prefix; the last 4 characters tell keys apart.</summary>
internal sealed record ApiKeyView(
    string Id,
    string Label,
    string Scope,
    string LastFour,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? LastUsedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? RevokedAt,
    bool Active)
{
    public static ApiKeyView Of(ApiKeyRecord r) => new(r.Id, r.Label, r.Scope, r.LastFour, r.CreatedAt, r.LastUsedAt, r.RevokedAt, r.Active);
}

/// <summary>Answer to create and rotate: the full key, shown this once; for a rotation also the revoked key.</summary>
internal sealed record ApiKeyIssued(string Message, string Key, ApiKeyView ApiKey, ApiKeyView? Revoked = null);

/// <summary>Answer to <c>GET /api/v1/api-keys</c>.</summary>
internal sealed record ApiKeyList(IReadOnlyList<ApiKeyView> ApiKeys, int Active, int Limit);

/// <summary>Answer to <c>DELETE /api/v1/api-keys/{id}</c>.</summary>
internal sealed record ApiKeyRevoked(string Message, ApiKeyView ApiKey);
