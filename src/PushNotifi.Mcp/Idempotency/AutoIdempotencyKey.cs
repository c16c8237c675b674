using System.Security.Cryptography;
using System.Text;

namespace PushNotifi.Mcp.Idempotency;

/// <summary>
/// The key <c>pushnotifi_send</c> uses when the caller gives none, byte for byte the upstream's: <c>mcp:</c> and the
/// first 16 hex digits of SHA-256 over the canonical text of the send. The same send from either server carries the
/// same key, so the API delivers it once.
/// </summary>
internal static class AutoIdempotencyKey
{
    internal const string Prefix = "mcp:";

    /// <summary>The key for one send. <paramref name="type"/> and <paramref name="sendToKey"/> are the resolved values; the rest as given (absent is null).</summary>
    internal static string For(string type, string sendToKey, string message, string? title, long? priority, string? url, string? urlTitle) =>
        Prefix + Hash(Canonical(type, sendToKey, message, title, priority, url, urlTitle));

    /// <summary>
    /// The canonical text: the seven fields with keys sorted, no spaces, e.g.
    /// <c>{"message":"m","priority":null,"send_to_key":"g…","title":null,"type":"group","url":null,"url_title":null}</c>.
    /// </summary>
    internal static string Canonical(string type, string sendToKey, string message, string? title, long? priority, string? url, string? urlTitle) =>
        CanonicalJson.Object(
            ("type", type), ("send_to_key", sendToKey), ("message", message), ("title", title),
            ("priority", priority), ("url", url), ("url_title", urlTitle));

    /// <summary>First 16 lowercase hex digits of SHA-256 over the UTF-8 bytes of <paramref name="text"/>.</summary>
    private static string Hash(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
