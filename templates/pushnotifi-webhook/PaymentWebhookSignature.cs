using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PushNotifiRecipes;

#if (provider == "stripe")
/// <summary>
/// Verifies Stripe-style signatures: the <c>Stripe-Signature</c> header holds <c>t=&lt;unix seconds&gt;</c> and one or
/// more <c>v1=&lt;hex&gt;</c>, each an HMAC-SHA256 of <c>"{t}.{body}"</c> with the signing secret. Timestamps older or
/// newer than <see cref="Tolerance"/> are rejected, so a captured request cannot be replayed later.
/// </summary>
#else
/// <summary>
/// Verifies generic HMAC-SHA256 signatures: the <c>X-Signature</c> header holds the hex HMAC-SHA256 of the raw body
/// with the signing secret, optionally prefixed with <c>sha256=</c>.
/// </summary>
#endif
public sealed class PaymentWebhookSignature
{
#if (provider == "stripe")
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = "Stripe-Signature";

    /// <summary>How far the signed timestamp may be from now.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
#else
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = "X-Signature";
#endif

    /// <summary>The environment variable that holds the signing secret.</summary>
    public const string SecretVariable = "WEBHOOK_SIGNING_SECRET";

    private readonly byte[] _secret;
#if (provider == "stripe")
    private readonly TimeProvider _time;
#endif

    /// <summary>Creates a verifier for a signing secret.</summary>
    /// <param name="secret">The signing secret, from the environment, never a literal.</param>
    /// <param name="timeProvider">The clock for the timestamp tolerance; the system clock when none is given.</param>
    public PaymentWebhookSignature(string secret, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secret = Encoding.UTF8.GetBytes(secret);
#if (provider == "stripe")
        _time = timeProvider ?? TimeProvider.System;
#else
        _ = timeProvider;
#endif
    }

    /// <summary>Reads the signing secret from <see cref="SecretVariable"/>; fails fast when it is missing.</summary>
    /// <param name="timeProvider">The clock; the system clock when none is given.</param>
    public static PaymentWebhookSignature FromEnvironment(TimeProvider? timeProvider = null)
    {
        var secret = Environment.GetEnvironmentVariable(SecretVariable);
        return string.IsNullOrEmpty(secret)
            ? throw new InvalidOperationException($"{SecretVariable} is not set: the webhook cannot verify signatures without its signing secret.")
            : new PaymentWebhookSignature(secret, timeProvider);
    }

    /// <summary>Checks the signature header against the raw body, in constant time.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="header">The signature header's value; empty when absent.</param>
    public bool IsValid(byte[] body, string header)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

#if (provider == "stripe")
        string? timestamp = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(','))
        {
            var pair = part.Trim();
            if (pair.StartsWith("t=", StringComparison.Ordinal))
            {
                timestamp = pair[2..];
            }
            else if (pair.StartsWith("v1=", StringComparison.Ordinal))
            {
                candidates.Add(pair[3..]);
            }
        }

        if (timestamp is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (_time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).Duration() > Tolerance)
        {
            return false;
        }

        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        var expected = HMACSHA256.HashData(_secret, signed);

        var valid = false;
        foreach (var candidate in candidates)
        {
            valid |= Matches(expected, candidate);
        }

        return valid;
#else
        var hex = header.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? header[7..] : header;
        return Matches(HMACSHA256.HashData(_secret, body), hex.Trim());
#endif
    }

    private static bool Matches(byte[] expected, string hex)
    {
        if (hex.Length != expected.Length * 2)
        {
            return false;
        }

        byte[] provided;
        try
        {
            provided = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }
}
