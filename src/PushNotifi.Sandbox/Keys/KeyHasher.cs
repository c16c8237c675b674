using System.Security.Cryptography;
using System.Text;

namespace PushNotifi.Sandbox.Keys;

/// <summary>
/// Hashes keys with HMAC-SHA256 under a pepper that never reaches the store, compares in constant time, and
/// makes the non-reversible fingerprints that log lines carry for refused keys.
/// </summary>
internal sealed class KeyHasher(byte[] pepper)
{
    /// <summary>Bytes of a generated pepper.</summary>
    public const int PepperLength = 32;

    // Every key the sandbox makes up (API keys, fake keys, deterministic or random) uses these letters and digits.
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
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

    /// <summary>
    /// A fake key (<paramref name="prefix"/> plus letters and digits, <paramref name="length"/> in all) that is the same
    /// for the same pepper: a sandbox restarted on the same data file makes up the same keys, and none is stored.
    /// </summary>
    public string FakeKey(string prefix, int length)
    {
        var digest = HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes("pushnotifi-sandbox-fake-key\n" + prefix));
        var key = new StringBuilder(prefix, length);
        for (var i = 0; key.Length < length; i++)
        {
            key.Append(KeyAlphabet[digest[i % digest.Length] % KeyAlphabet.Length]);
        }

        return key.ToString();
    }

    public static byte[] NewPepper() => RandomNumberGenerator.GetBytes(PepperLength);

    /// <summary>A random key: <paramref name="prefix"/> plus letters and digits, <see cref="SandboxLimits.SendToKeyLength"/> in all.</summary>
    public static string RandomKey(string prefix) =>
        prefix + RandomNumberGenerator.GetString(KeyAlphabet, SandboxLimits.SendToKeyLength - prefix.Length);
}
