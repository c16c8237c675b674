using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace PushNotifi;

/// <summary>
/// Removes secrets from text. Configured secret values (and their URL-encoded, JSON-escaped and base64
/// forms, case-insensitively) become <c>…</c> plus their last four characters; common secret shapes
/// (header values, bearer tokens, <c>token=</c>/<c>api_key=</c>/<c>password=</c> values, JWTs, prefixed
/// keys, PushNotifi-shaped keys) are replaced the same way. Runs in time linear in the input.
/// </summary>
public sealed class Redactor
{
    /// <summary>The ellipsis that stands in for a removed secret.</summary>
    public const string Ellipsis = "…";

    /// <summary>The HMAC key used by <see cref="Fingerprint"/> when no user key is known: the UTF-8 bytes of this text.</summary>
    public const string ProductFingerprintKey = "PushNotifi.Fingerprint.v1";

    /// <summary>Secrets shorter than this are not searched for: they would match ordinary text.</summary>
    internal const int MinimumSecretLength = 6;

    /// <summary>Secrets shorter than this are shown as the ellipsis alone, since four characters would give away too much.</summary>
    private const int MinimumLengthForLastFour = 8;

    private readonly SearchValues<string>? _secretValues;
    private readonly (string Form, string Replacement)[] _forms;
    private readonly byte[] _fingerprintKey;

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

        // Longest first, so a longer encoded form wins over a shorter one at the same position.
        _forms = forms.Select(f => (f.Key, f.Value)).OrderByDescending(f => f.Key.Length).ToArray();
        _secretValues = _forms.Length == 0 ? null : SearchValues.Create(_forms.Select(f => f.Form).ToArray(), StringComparison.OrdinalIgnoreCase);
        _fingerprintKey = DeriveFingerprintKey(fingerprintSeed);
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

    /// <summary>Returns <paramref name="text"/> with every known secret and secret shape replaced; null gives an empty string.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Known values first, so they keep their own last four; then shapes, then key-shaped words.
        return KeyShapeScanner.Redact(RedactionPatterns.Redact(ReplaceSecrets(text)));
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

    private string ReplaceSecrets(string text)
    {
        if (_secretValues is null)
        {
            return text;
        }

        var span = text.AsSpan();
        var first = span.IndexOfAny(_secretValues);
        if (first < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var position = 0;
        var next = first;
        while (next >= 0)
        {
            var start = position + next;
            result.Append(span[position..start]);
            var (form, replacement) = FormAt(span[start..]);
            result.Append(replacement);
            position = start + form.Length;
            next = span[position..].IndexOfAny(_secretValues);
        }

        result.Append(span[position..]);
        return result.ToString();
    }

    private (string Form, string Replacement) FormAt(ReadOnlySpan<char> text)
    {
        foreach (var form in _forms)
        {
            if (text.StartsWith(form.Form, StringComparison.OrdinalIgnoreCase))
            {
                return form;
            }
        }

        // IndexOfAny found a match here, so one form must start here.
        throw new InvalidOperationException("Secret search and verification disagree.");
    }

    private static byte[] DeriveFingerprintKey(string? seed)
    {
        var product = Encoding.UTF8.GetBytes(ProductFingerprintKey);
        return string.IsNullOrEmpty(seed)
            ? product
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(seed), 32, salt: product, info: "fingerprint"u8.ToArray());
    }
}
