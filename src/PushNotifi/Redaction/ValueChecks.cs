using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>Decides whether a located value is a secret: placeholders, redacted values and plain words are not.</summary>
internal static class ValueChecks
{
    // Values that stand for a secret without being one; matched case-insensitively anywhere in the value. ASCII only:
    // one non-ASCII word (the bullets, looked for apart) would put the search on a path several times slower.
    private static readonly SearchValues<string> s_placeholderWords = SearchValues.Create(
        ["xxxx", "****", "example", "changeme", "change_me", "change-me", "placeholder", "your_", "your-", "yourkey", "yourtoken", "redacted"],
        StringComparison.OrdinalIgnoreCase);

    private const string MaskBullets = "••••";

    private static readonly SearchValues<char> s_placeholderStarts = SearchValues.Create("$%<[{#");

    // Words a log writes after "password:" that say something about a password without being one.
    private static readonly string[] s_passwordWords = ["null", "none", "nil", "true", "false", "undefined", "empty", "required", "invalid", "incorrect", "expired", "missing", "hidden", "unset"];

    private static readonly SearchValues<char> s_versionNameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:@v");
    private static readonly SearchValues<char> s_versionTagCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");
    private static readonly SearchValues<char> s_lettersAndPunctuation = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.-");

    private static readonly SearchValues<char> s_dateCharacters = SearchValues.Create("0123456789-:.TZ+ ");

    // gitleaks' global allowlist: values that are a word a config writes for "unset".
    private static readonly string[] s_unsetWords = ["true", "false", "null"];

    /// <summary>True when <paramref name="value"/> passes <paramref name="check"/> and is not a placeholder.</summary>
    public static bool IsSecret(ReadOnlySpan<char> value, ValueCheck check) =>
        !IsPlaceholder(value) && check switch
        {
            ValueCheck.LooksRandom => LooksRandom(value) && !LooksLikeVersion(value),
            ValueCheck.Password => value.Length >= 3 && value[0] != '/' && !IsPasswordWord(value),
            ValueCheck.Generic => IsGenericSecret(value),
            _ => true,
        };

    /// <summary>The Shannon entropy of <paramref name="value"/> in bits per character, as gitleaks computes it.</summary>
    public static double Entropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[128];
        counts.Clear();
        var other = 0;
        foreach (var c in value)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        // Each distinct character once, by clearing its count when it is taken: a short value visits a few of the 128.
        var entropy = -Term(other, value.Length);
        foreach (var c in value)
        {
            if (c < 128 && counts[c] > 0)
            {
                entropy -= Term(counts[c], value.Length);
                counts[c] = 0;
            }
        }

        return entropy;
    }

    private static double Term(int count, int length)
    {
        if (count == 0)
        {
            return 0;
        }

        var p = (double)count / length;
        return p * Math.Log2(p);
    }

    /// <summary>True when <paramref name="value"/> is a GUID (8-4-4-4-12 hex digits).</summary>
    public static bool IsGuid(ReadOnlySpan<char> value) => value.Length == 36 && Guid.TryParseExact(value, "D", out _);

    /// <summary>
    /// A version or a package coordinate, not a key: <c>0.11.2</c>, <c>v1.2.3-beta</c>, <c>jjwt-jackson-0.11.2</c>,
    /// <c>jjwt-jackson:0.11.2</c>: a name of letters and dashes (or none), then dotted numbers and at most a short tag.
    /// </summary>
    public static bool LooksLikeVersion(ReadOnlySpan<char> value)
    {
        var digits = value.IndexOfAnyInRange('0', '9');
        if (digits < 0)
        {
            return false;
        }

        var name = value[..digits];
        if (name.ContainsAnyExcept(s_versionNameCharacters))
        {
            return false;
        }

        // The numbers: at least two dot-separated groups of digits (1.2, 0.11.2), then an optional -tag or +build.
        var rest = value[digits..];
        var groups = 0;
        while (!rest.IsEmpty)
        {
            var run = rest.IndexOfAnyExceptInRange('0', '9');
            var length = run < 0 ? rest.Length : run;
            if (length == 0 || length > 8)
            {
                return false;
            }

            groups++;
            rest = rest[length..];
            if (rest.IsEmpty || rest[0] != '.')
            {
                break;
            }

            rest = rest[1..];
        }

        return groups >= 2 && (rest.IsEmpty || (rest[0] is '-' or '+' && rest.Length <= 24 && !rest[1..].ContainsAnyExcept(s_versionTagCharacters)));
    }

    // gitleaks' generic-api-key checks on the value: entropy over 3.5 (checked by the rule), not letters and
    // punctuation alone, no stopword, and (ours) not a version.
    private static bool IsGenericSecret(ReadOnlySpan<char> value) =>
        value.ContainsAnyExcept(s_lettersAndPunctuation) && !GenericStopwords.Contain(value) && !LooksLikeVersion(value);

    /// <summary>
    /// <c>$VAR</c>, <c>${VAR}</c>, <c>%VAR%</c>, <c>{{ var }}</c>, <c>&lt;your-key&gt;</c>, <c>[secret]</c>, <c>ENC[…]</c>,
    /// <c>@VAR@</c>, <c>xxxx</c>, <c>****</c>, <c>changeme</c>, <c>example</c>, <c>true</c>/<c>false</c>/<c>null</c>, one repeated
    /// character, or an already redacted <c>…abcd</c>.
    /// </summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value[0] == SecretRedactor.Ellipsis[0] || s_placeholderStarts.Contains(value[0]) || value.ContainsAny(s_placeholderWords)
            || value.Contains(MaskBullets, StringComparison.Ordinal))
        {
            return true;
        }

        if (value.StartsWith("ENC[", StringComparison.OrdinalIgnoreCase) || (value.Length > 2 && value[0] == '@' && value[^1] == '@'))
        {
            return true;
        }

        foreach (var word in s_unsetWords)
        {
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return value.Length > 1 && !value[1..].ContainsAnyExcept(value[0]);
    }

    private static bool LooksRandom(ReadOnlySpan<char> value)
    {
        if (value.Length < 8 || value.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }

        bool digit = false, letter = false, lower = false, innerUpper = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            digit |= char.IsAsciiDigit(c);
            letter |= char.IsAsciiLetter(c);
            lower |= char.IsAsciiLetterLower(c);
            innerUpper |= i > 0 && char.IsAsciiLetterUpper(c);
        }

        // Dates and times (2026-11-30T06:00:00Z) have digits and letters but are not secrets.
        var dateLike = !value.ContainsAnyExcept(s_dateCharacters);
        return !dateLike && ((digit && letter) || (lower && innerUpper) || (digit && value.Length >= 16));
    }

    private static bool IsPasswordWord(ReadOnlySpan<char> value)
    {
        foreach (var word in s_passwordWords)
        {
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
