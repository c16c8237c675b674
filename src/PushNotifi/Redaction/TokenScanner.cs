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

    private static readonly SearchValues<char> s_digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> s_lowerHex = SearchValues.Create("0123456789abcdef");

    // Token rules by the first two characters of their prefixes, folded (ASCII only; prefixes are matched in any case
    // and each rule's pattern decides). A table from a pair to its group (0: none) turns away nearly every part before a
    // comparison: a stack frame's Microsoft.Data.SqlClient would otherwise try every prefix starting with m, d and s.
    private static readonly (string Prefix, SecretRule Rule)[][] s_prefixGroups = [.. SecretRules.All
        .Where(r => IsScanned(r) && r.KeywordOffset == 0)
        .SelectMany(r => r.Keywords.Select(k => (Prefix: k, Rule: r)))
        .GroupBy(p => Pair(p.Prefix[0], p.Prefix[1]))
        .Select(g => g.ToArray())];

    private static readonly ushort[] s_prefixGroupByPair = s_prefixGroups
        .Select((group, i) => (Pair: Pair(group[0].Prefix[0], group[0].Prefix[1]), Slot: (ushort)(i + 1)))
        .Aggregate(new ushort[1 << 14], (table, entry) =>
        {
            table[entry.Pair] = entry.Slot;
            return table;
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
            if (end - start < rule.MinLength)
            {
                continue;
            }

            var infixCovered = start;
            var at = text[start..end].IndexOf(infix, StringComparison.Ordinal);
            while (at >= 0)
            {
                SecretScanner.Apply(rule, text, start + at, infix.Length, ref infixCovered, ref spans);
                var next = text[(start + at + 1)..end].IndexOf(infix, StringComparison.Ordinal);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        // Parts shorter than Shortest hold neither a prefixed token nor a key (32 or more), so the walk stops before them.
        var coveredUntil = start;
        var part = start;
        while (end - part >= Shortest)
        {
            if (part >= coveredUntil)
            {
                TryPrefixes(text, part, ref coveredUntil, ref spans);
            }

            // Character by character: parts are short (Microsoft, Data, SqlClient), where a vectorized call costs more.
            var partEnd = part;
            while (partEnd < end && text[partEnd] is not ('.' or '-' or '+' or '/' or '=' or '~'))
            {
                partEnd++;
            }

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
        var slot = s_prefixGroupByPair[Pair(text[at], text[at + 1])];
        if (slot == 0)
        {
            return;
        }

        foreach (var (prefix, rule) in s_prefixGroups[slot - 1])
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
