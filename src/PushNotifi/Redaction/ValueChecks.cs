using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>Decides whether a located value is a secret: placeholders, redacted values and plain words are not.</summary>
internal static class ValueChecks
{
    // Values that stand for a secret without being one; matched case-insensitively anywhere in the value.
    private static readonly SearchValues<string> s_placeholderWords = SearchValues.Create(
        ["xxxx", "****", "••••", "example", "changeme", "change_me", "change-me", "placeholder", "your_", "your-", "yourkey", "yourtoken", "redacted"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> s_placeholderStarts = SearchValues.Create("$%<[{#");

    // Words a log writes after "password:" that say something about a password without being one.
    private static readonly string[] s_passwordWords = ["null", "none", "nil", "true", "false", "undefined", "empty", "required", "invalid", "incorrect", "expired", "missing", "hidden", "unset"];

    private static readonly SearchValues<char> s_dateCharacters = SearchValues.Create("0123456789-:.TZ+ ");

    /// <summary>True when <paramref name="value"/> passes <paramref name="check"/> and is not a placeholder.</summary>
    public static bool IsSecret(ReadOnlySpan<char> value, ValueCheck check) =>
        !IsPlaceholder(value) && check switch
        {
            ValueCheck.LooksRandom => LooksRandom(value),
            ValueCheck.Password => value.Length >= 3 && value[0] != '/' && !IsPasswordWord(value),
            _ => true,
        };

    /// <summary>
    /// <c>$VAR</c>, <c>${VAR}</c>, <c>%VAR%</c>, <c>{{ var }}</c>, <c>&lt;your-key&gt;</c>, <c>[secret]</c>, <c>ENC[…]</c>,
    /// <c>xxxx</c>, <c>****</c>, <c>changeme</c>, <c>example</c>, one repeated character, or an already redacted <c>…abcd</c>.
    /// </summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value[0] == Redactor.Ellipsis[0] || s_placeholderStarts.Contains(value[0]) || value.ContainsAny(s_placeholderWords))
        {
            return true;
        }

        if (value.StartsWith("ENC[", StringComparison.OrdinalIgnoreCase))
        {
            return true;
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
