using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using PushNotifi.Diagnostics;
using PushNotifi.Redaction;

namespace PushNotifi;

/// <summary>
/// Removes secrets from text. Configured secret values (and their URL-encoded, JSON-escaped and base64 forms,
/// case-insensitively) become <c>…</c> plus their last four characters. So do the secret formats of the major
/// providers (cloud, code hosts, messaging, payments, AI, package registries), JWTs, private key blocks, credentials
/// in URLs and <c>curl -u</c>, <c>Authorization</c> headers and <c>name = value</c> assignments whose name holds a
/// secret word; placeholders such as <c>$VAR</c> or <c>&lt;your-key&gt;</c> stay. One pass, in time linear in the
/// input; clean text comes back as the same instance, and dirty text costs one new string.
/// </summary>
public sealed class Redactor
{
    /// <summary>The ellipsis that stands in for a removed secret.</summary>
    public const string Ellipsis = SecretRedactor.Ellipsis;

    /// <summary>The HMAC key used by <see cref="Fingerprint"/> when no user key is known: the UTF-8 bytes of this text.</summary>
    public const string ProductFingerprintKey = "PushNotifi.Fingerprint.v1";

    /// <summary>Secrets shorter than this are not searched for: they would match ordinary text.</summary>
    internal const int MinimumSecretLength = 6;

    /// <summary>Secrets shorter than this are shown as the ellipsis alone, since four characters would give away too much.</summary>
    internal const int MinimumLengthForLastFour = SecretRedactor.MinimumLengthForLastFour;

    private readonly SecretRedactor _pass;
    private readonly byte[] _fingerprintKey;
    private readonly string[] _configured;

    /// <summary>Creates a redactor for the given secret values; nulls and blanks are ignored.</summary>
    public Redactor(IEnumerable<string?> secrets)
        : this(secrets, fingerprintSeed: null)
    {
    }

    private Redactor(IEnumerable<string?> secrets, string? fingerprintSeed)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var forms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in secrets)
        {
            if (string.IsNullOrWhiteSpace(secret) || secret.Length < MinimumSecretLength)
            {
                continue;
            }

            var replacement = LastFour(secret);
            forms.TryAdd(secret, replacement);
            forms.TryAdd(Uri.EscapeDataString(secret), replacement);
            forms.TryAdd(JavaScriptEncoder.Default.Encode(secret), replacement);
            forms.TryAdd(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('='), replacement);
        }

        // The configured forms get a search of their own, walked beside the rules' keywords (see KeywordIndex).
        _pass = forms.Count == 0 ? SecretRedactor.Default : new SecretRedactor(new KeywordIndex(SecretRules.All, forms.Select(f => (f.Key, f.Value)).ToArray()));
        _fingerprintKey = DeriveFingerprintKey(fingerprintSeed);
        _configured = [.. forms.Keys];
    }

    /// <summary>A redactor that knows no secret values and removes secret shapes only.</summary>
    public static Redactor Default { get; } = new(Array.Empty<string?>());

    /// <summary>A redactor for the user, group and application keys and the webhook token in <paramref name="options"/>; its fingerprints are keyed by the user key.</summary>
    public static Redactor ForOptions(PushNotifiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Redactor([options.UserKey, options.GroupKey, options.ApplicationKey, options.WebhookToken], options.UserKey);
    }

    /// <summary>Shows a secret as <c>…</c> plus its last four characters; secrets shorter than 8 characters (and null) as <c>…</c> alone.</summary>
    public static string LastFour(string? secret) =>
        secret is null || secret.Length < MinimumLengthForLastFour ? Ellipsis : string.Concat(Ellipsis, secret.AsSpan(secret.Length - 4));

    /// <summary>Where redactions are counted (<c>pushnotifi.redactions</c>): the client's or the container's meter.</summary>
    internal PushNotifiMetrics Metrics { get; set; } = PushNotifiMetrics.Shared;

    /// <summary>Returns <paramref name="text"/> with every known secret and secret shape replaced; null gives an empty string.</summary>
    public string Redact(string? text)
    {
        var redacted = _pass.Redact(text);

        // Clean text comes back as the same instance, so counting costs one comparison unless something was found.
        if (!ReferenceEquals(redacted, text) && !string.IsNullOrEmpty(text) && Metrics.RedactionsObserved)
        {
            Metrics.RecordRedaction(HoldsConfigured(text) ? TelemetryTags.ConfiguredFamily : TelemetryTags.PatternFamily);
        }

        return redacted;
    }

    private bool HoldsConfigured(string text)
    {
        foreach (var form in _configured)
        {
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A stable, non-reversible token for <paramref name="value"/>: HMAC-SHA256 keyed by the user key (or
    /// <see cref="ProductFingerprintKey"/>), first 16 bytes, URL-safe base64 without padding (22 characters).
    /// The same inputs give the same token in every process.
    /// </summary>
    public string Fingerprint(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_fingerprintKey, Encoding.UTF8.GetBytes(value), hash);
        return Base64Url.EncodeToString(hash[..16]);
    }

    private static byte[] DeriveFingerprintKey(string? seed)
    {
        var product = Encoding.UTF8.GetBytes(ProductFingerprintKey);
        return string.IsNullOrEmpty(seed)
            ? product
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(seed), 32, salt: product, info: "fingerprint"u8.ToArray());
    }
}
