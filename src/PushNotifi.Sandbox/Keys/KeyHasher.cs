using System.Security.Cryptography;
using System.Text;

namespace PushNotifi.Sandbox;

/// <summary>
/// Hashes keys with HMAC-SHA256 under a pepper that never reaches the store, compares in constant time, and
/// makes the non-reversible fingerprints that log lines carry for refused keys.
/// </summary>
internal sealed class KeyHasher(byte[] pepper)
{
    /// <summary>Bytes of a generated pepper.</summary>
    public const int PepperLength = 32;

    private static readonly byte[] s_fingerprintLabel = Encoding.UTF8.GetBytes("pushnotifi-sandbox-fingerprint\n");

    public byte[] Hash(string key) => HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes(key));

    public static bool SameHash(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);

    /// <summary>
    /// <c>fp_</c> plus 12 hex digits of a separate HMAC: stable for one key within a sandbox, so repeated
    /// attempts can be told apart in the log, but neither the key nor its stored hash can be read from it.
    /// </summary>
    public string Fingerprint(string key)
    {
        var input = new byte[s_fingerprintLabel.Length + Encoding.UTF8.GetByteCount(key)];
        s_fingerprintLabel.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(key, input.AsSpan(s_fingerprintLabel.Length));
        return "fp_" + Convert.ToHexStringLower(HMACSHA256.HashData(pepper, input).AsSpan(0, 6));
    }

    public static byte[] NewPepper() => RandomNumberGenerator.GetBytes(PepperLength);
}
