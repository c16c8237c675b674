using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>
/// Finds tokens that carry their own shape rather than a keyword: prefixed provider tokens (<c>ghp_…</c>,
/// <c>xoxb-…</c>, JWTs; the <see cref="RuleStart.Token"/> rules at least <see cref="Shortest"/> long), PushNotifi
/// user and group keys (32 letters or digits starting with u or g, with a digit) and Twilio API keys (<c>SK</c> and
/// 32 hex digits). Each is a run of at least <see cref="Shortest"/> token characters: <see cref="TokenRuns"/> finds
/// those runs, and only in them the scanner tries the prefixes at the start and after each separator
/// (<c>- . / + = ~</c>). Prose and logs, whose words are short, hold few such runs.
/// </summary>
internal static class TokenScanner
{
    /// <summary>
    /// The shortest token looked for here (a Stripe key, <c>sk_test_</c> and 10 characters). Token rules with shorter
    /// tokens (Slack's legacy tokens) are found by their keywords instead: a longer run is rarer in ordinary text.
    /// </summary>
    internal const int Shortest = 18;

    /// <summary>The length of a PushNotifi user or group key (the wire contract's; a test holds the two equal).</summary>
    internal const int KeyLength = 32;

    private const int TwilioKeyLength = 34;

    private static readonly SearchValues<char> s_partSeparators = SearchValues.Create(".-+/=~");

    private static readonly SearchValues<char> s_digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> s_lowerHex = SearchValues.Create("0123456789abcdef");

    // Token rules by the first character of their prefixes, lower-cased (ASCII only; prefixes are matched in any
    // case and each rule's pattern decides).
    private static readonly (string Prefix, SecretRule Rule)[][] s_byFirstCharacter = SecretRules.All
        .Where(r => IsScanned(r) && r.KeywordOffset == 0)
        .SelectMany(r => r.Keywords.Select(k => (Prefix: k, Rule: r)))
        .GroupBy(p => char.ToLowerInvariant(p.Prefix[0]))
        .Aggregate(new (string, SecretRule)[128][], (table, group) =>
        {
            table[group.Key] = [.. group];
            return table;
        });

    // One bit per pair of folded ASCII characters that starts a prefix: turns away nearly every part before a comparison
    // (a stack frame's Microsoft.Data.SqlClient would otherwise try every prefix starting with m, d and s).
    private static readonly ulong[] s_prefixPairs = s_byFirstCharacter
        .Where(group => group is not null)
        .SelectMany(group => group)
        .Aggregate(new ulong[(1 << 14) / 64], (bits, entry) =>
        {
            var pair = Pair(entry.Prefix[0], entry.Prefix[1]);
            bits[pair >> 6] |= 1UL << pair;
            return bits;
        });

    // Token rules whose keyword sits inside the token (an Azure AD secret's Q~, a MaxMind key's _mmk suffix): looked for
    // in each long run rather than at its parts' starts, and kept out of the keyword search, where a two-character
    // literal would take it off its vectorized path.
    private static readonly (string Infix, SecretRule Rule)[] s_infixes = [.. SecretRules.All
        .Where(r => IsScanned(r) && r.KeywordOffset > 0)
        .SelectMany(r => r.Keywords.Select(k => (k, r)))];

    /// <summary>True for the rules this scanner runs (the rest are found by their keywords).</summary>
    public static bool IsScanned(SecretRule rule) => rule.Start == RuleStart.Token && rule.MinLength >= Shortest;

    /// <summary>Adds a span for each token found; <paramref name="keyShapes"/> false leaves PushNotifi and Twilio key shapes to the caller.</summary>
    public static void Collect(ReadOnlySpan<char> text, ref SecretSpans spans, bool keyShapes = true)
    {
        // Only runs of at least Shortest token characters can hold a token; each is looked into once.
        var from = 0;
        while (TokenRuns.Next(text, from, out var start, out var end))
        {
            ScanRun(text, start, end, keyShapes, ref spans);
            from = end + 1;
        }
    }

    // Lower-cases ASCII letters (and moves a few symbols, alike for text and prefixes); both characters are ASCII.
    private static int Pair(char a, char b) => (((a | 0x20) & 0x7F) << 7) | ((b | 0x20) & 0x7F);

    private static void ScanRun(ReadOnlySpan<char> text, int start, int end, bool keyShapes, ref SecretSpans spans)
    {
        foreach (var (infix, rule) in s_infixes)
        {
            var infixCovered = start;
            var at = text[start..end].IndexOf(infix, StringComparison.Ordinal);
            while (at >= 0)
            {
                SecretScanner.Apply(rule, text, start + at, infix.Length, ref infixCovered, ref spans);
                var next = text[(start + at + 1)..end].IndexOf(infix, StringComparison.Ordinal);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        var coveredUntil = start;
        var part = start;
        while (end - part >= Shortest)
        {
            if (part >= coveredUntil)
            {
                TryPrefixes(text, part, ref coveredUntil, ref spans);
            }

            var next = text[part..end].IndexOfAny(s_partSeparators);
            var partEnd = next < 0 ? end : part + next;
            if (keyShapes)
            {
                CheckKeyShape(text, part, partEnd, ref spans);
            }
            if (next < 0)
            {
                return;
            }

            part = partEnd + 1;
        }

        // The tail parts are too short for a prefixed token but may still be a key of their own.
        while (part < end)
        {
            var next = text[part..end].IndexOfAny(s_partSeparators);
            var partEnd = next < 0 ? end : part + next;
            if (keyShapes)
            {
                CheckKeyShape(text, part, partEnd, ref spans);
            }
            part = partEnd + 1;
        }
    }

    private static void TryPrefixes(ReadOnlySpan<char> text, int at, ref int coveredUntil, ref SecretSpans spans)
    {
        // A part is at least Shortest long, so text[at + 1] is in it; token characters are ASCII.
        var pair = Pair(text[at], text[at + 1]);
        if ((s_prefixPairs[pair >> 6] & (1UL << pair)) == 0 || s_byFirstCharacter[char.ToLowerInvariant(text[at])] is not { } candidates)
        {
            return;
        }

        foreach (var (prefix, rule) in candidates)
        {
            if (text[at..].StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                SecretScanner.Apply(rule, text, at, prefix.Length, ref coveredUntil, ref spans);
            }
        }
    }

    private static void CheckKeyShape(ReadOnlySpan<char> text, int start, int end, ref SecretSpans spans)
    {
        var word = text[start..end];
        if ((word.Length == KeyLength && (word[0] | 0x20) is 'u' or 'g' && !word.Contains('_') && word.ContainsAny(s_digits))
            || (word.Length == TwilioKeyLength && word.StartsWith("SK", StringComparison.Ordinal) && !word[2..].ContainsAnyExcept(s_lowerHex)))
        {
            spans.Add(start, end, null);
        }
    }
}
