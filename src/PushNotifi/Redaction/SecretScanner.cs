using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>
/// The one pass over a text: a vectorized search for the next keyword or configured secret, then, only there, the
/// rules that keyword gates. Every find becomes a span; nothing is copied here.
/// </summary>
internal static class SecretScanner
{
    private const int LongestNamePrefix = 64;

    private static readonly SearchValues<char> s_wordCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>What a name (<c>api_key</c>, <c>X-Api-Key</c>, <c>db.password</c>) or a token (<c>ghp_…</c>, a JWT) is made of.</summary>
    internal static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-");

    // A match cut by its window goes on to the end of its run of these.
    private static readonly SearchValues<char> s_valueStops = SearchValues.Create(" \t\r\n\"'`,;&<>");

    // Names that hold a secret word but describe the secret rather than hold it: token_type, api_key_id, password_file.
    private static readonly string[] s_describingSuffixes = ["name", "_id", "-id", ".id", "type", "url", "uri", "path", "file", "count", "length", "expiry", "expires", "ttl"];

    /// <summary>Adds a span for every configured secret and every rule match in <paramref name="text"/>.</summary>
    public static void Collect(ReadOnlySpan<char> text, KeywordIndex index, ref SecretSpans spans)
    {
        // Where the last accepted match ended: a later keyword inside it (Bearer inside an Authorization header, token
        // inside a password's name) needs no second look, since that match's value goes anyway.
        var coveredUntil = 0;

        // Two searches walk the text side by side, each reading every character once: the next keyword and the next
        // configured secret. Whichever comes first is handled, then searched for again from just after it.
        var keyword = Next(text, 0, index.Keywords);
        var secret = index.SecretForms is { } forms ? Next(text, 0, forms) : -1;
        while (keyword >= 0 || secret >= 0)
        {
            if (secret >= 0 && (keyword < 0 || secret <= keyword))
            {
                foreach (var entry in index.Candidates(text[secret]))
                {
                    if (entry.Rule < 0 && text[secret..].StartsWith(entry.Literal, StringComparison.OrdinalIgnoreCase))
                    {
                        spans.Add(secret, secret + entry.Literal.Length, entry.Replacement);
                    }
                }

                secret = Next(text, secret + 1, index.SecretForms!);
                continue;
            }

            foreach (var entry in index.Candidates(text[keyword]))
            {
                if (entry.Rule >= 0 && keyword >= coveredUntil && text[keyword..].StartsWith(entry.Literal, StringComparison.OrdinalIgnoreCase))
                {
                    Apply(SecretRules.All[entry.Rule], text, keyword, entry.Literal.Length, ref coveredUntil, ref spans);
                }
            }

            keyword = Next(text, keyword + 1, index.Keywords);
        }
    }

    private static int Next(ReadOnlySpan<char> text, int from, SearchValues<string> values)
    {
        var offset = from < text.Length ? text[from..].IndexOfAny(values) : -1;
        return offset < 0 ? -1 : from + offset;
    }

    private static bool NamesNoSecret(ReadOnlySpan<char> match)
    {
        var nameLength = match.IndexOfAnyExcept(NameCharacters);
        var name = nameLength < 0 ? match : match[..nameLength];
        if (name.EndsWith("Id", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var suffix in s_describingSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs <paramref name="rule"/> for the keyword found at <paramref name="hit"/> and adds the secret it locates, if any.</summary>
    internal static void Apply(SecretRule rule, ReadOnlySpan<char> text, int hit, int keywordLength, ref int coveredUntil, ref SecretSpans spans)
    {
        var start = hit;
        switch (rule.Start)
        {
            case RuleStart.WordAtKeyword when hit > 0 && s_wordCharacters.Contains(text[hit - 1]):
                return;
            case RuleStart.Name:
                var floor = Math.Max(0, hit - LongestNamePrefix);
                start = floor + text[floor..hit].LastIndexOfAnyExcept(NameCharacters) + 1;
                keywordLength += hit - start;
                break;
        }

        if (rule.Precheck is { } precheck && !precheck(text, start, hit))
        {
            return;
        }

        var window = text.Slice(start, Math.Min(rule.MaxLength, text.Length - start));
        foreach (var match in rule.Pattern.EnumerateMatches(window))
        {
            var matched = window.Slice(match.Index, match.Length);
            if (match.Index != 0 || !rule.Locator(matched, keywordLength, out var valueStart, out var valueEnd))
            {
                return;
            }

            var end = start + match.Length;
            if (match.Length == window.Length && valueEnd == match.Length && end < text.Length)
            {
                // The window cut the match short: the secret runs on to the next delimiter.
                var more = text[end..].IndexOfAny(s_valueStops);
                end = more < 0 ? text.Length : end + more;
                valueEnd = end - start;
            }

            if (rule.Start == RuleStart.Name && NamesNoSecret(matched))
            {
                return;
            }

            // A rejected match (a placeholder) leaves later keywords inside it free to start matches of their own.
            var value = text.Slice(start + valueStart, valueEnd - valueStart);
            if (ValueChecks.IsSecret(value, rule.Check))
            {
                spans.Add(start + valueStart, start + valueEnd, null);
                coveredUntil = end;
            }

            return;
        }
    }
}
