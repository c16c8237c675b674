using System.Buffers;
using System.Text;

namespace PushNotifi;

/// <summary>
/// Finds key-shaped words in one linear pass: PushNotifi user/group keys (32 letters or digits starting
/// with u or g) and long prefixed keys (<c>pk_…</c>, <c>sk_live_…</c>, <c>an_key_…</c>). A hand scanner,
/// because these shapes have no literal to search for and a regex over every word is several times slower.
/// </summary>
internal static class KeyShapeScanner
{
    private const int MinimumPrefixedTail = 12;

    private static readonly SearchValues<char> s_wordChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static readonly string[] s_prefixes = ["an_key_", "github_pat_", "pk_", "sk_", "rk_", "ghp_", "gho_", "ghs_"];

    // The shortest word worth a look: a two-letter prefix, its underscore and the minimum tail.
    private static readonly int s_shortest = 3 + MinimumPrefixedTail;

    /// <summary>Replaces each key-shaped word with its last-four form; returns the same instance when there is none.</summary>
    internal static string Redact(string text)
    {
        var span = text.AsSpan();
        StringBuilder? result = null;
        var copied = 0;
        var position = 0;
        while (position < span.Length)
        {
            var offset = span[position..].IndexOfAny(s_wordChars);
            if (offset < 0)
            {
                break;
            }

            var start = position + offset;
            var length = span[start..].IndexOfAnyExcept(s_wordChars);
            if (length < 0)
            {
                length = span.Length - start;
            }

            var word = span.Slice(start, length);
            if (length >= s_shortest && IsKeyShaped(word))
            {
                result ??= new StringBuilder(text.Length);
                result.Append(span[copied..start]).Append(Redactor.LastFour(word.ToString()));
                copied = start + length;
            }

            position = start + length;
        }

        return result is null ? text : result.Append(span[copied..]).ToString();
    }

    private static bool IsKeyShaped(ReadOnlySpan<char> word)
    {
        if (word.Length == PushNotifiLimits.KeyLength && (word[0] | 0x20) is 'u' or 'g' && !word.Contains('_'))
        {
            return true;
        }

        foreach (var prefix in s_prefixes)
        {
            if (word.Length >= prefix.Length + MinimumPrefixedTail && word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
