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

    // gitleaks' secret suffix: what may follow a secret (besides an escaped \n or \r, or the end).
    private static readonly SearchValues<char> s_terminators = SearchValues.Create("`'\" \t\r\n\f\v;");

    // What a token found at its documented length may run on with.
    private static readonly SearchValues<char> s_tokenTail =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    // A match cut by its window goes on to the end of its run of these.
    private static readonly SearchValues<char> s_valueStops = SearchValues.Create(" \t\r\n\"'`,;&<>");

    // Names that hold a secret word but describe the secret rather than hold it: token_type, api_key_id, password_file.
    private static readonly string[] s_describingSuffixes = ["name", "_id", "-id", ".id", "type", "url", "uri", "path", "file", "count", "length", "expiry", "expires", "ttl", "variable"];

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

            // Every rule of this keyword runs, even after one accepts: their spans merge (a Sidekiq URL hides its user
            // and password where the URL rule alone would hide the password).
            var open = keyword >= coveredUntil;
            foreach (var entry in index.Candidates(text[keyword]))
            {
                if (entry.Rule >= 0 && open && text[keyword..].StartsWith(entry.Literal, StringComparison.OrdinalIgnoreCase))
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
        var start = hit - rule.KeywordOffset;
        if (start < 0 || rule.Pattern is not { } pattern)
        {
            return;
        }

        switch (rule.Start)
        {
            case RuleStart.WordAtKeyword or RuleStart.Token when start > 0 && s_wordCharacters.Contains(text[start - 1]):
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
        foreach (var match in pattern.EnumerateMatches(window))
        {
            if (match.Index != 0 || !Ends(text, start + match.Length, rule.End))
            {
                return;
            }

            if (rule.Collector is { } collector)
            {
                coveredUntil = Math.Max(coveredUntil, collector(text, start, match.Length, ref spans));
                return;
            }

            var matched = window.Slice(match.Index, match.Length);
            if (!rule.Locator(matched, keywordLength, out var valueStart, out var valueEnd))
            {
                return;
            }

            var end = start + match.Length;
            if (match.Length == window.Length && valueEnd == match.Length && end < text.Length)
            {
                // The window cut the match short: the secret runs on to the next delimiter. Later keywords inside that
                // run are skipped whatever the checks decide, or each would scan to the same far delimiter again.
                var more = text[end..].IndexOfAny(s_valueStops);
                end = more < 0 ? text.Length : end + more;
                valueEnd = end - start;
                coveredUntil = Math.Max(coveredUntil, end);
            }
            else if (rule.Start == RuleStart.Token && valueEnd == match.Length)
            {
                // A token longer than its documented length goes whole: a partly hidden token is a leaked one.
                var more = text[end..].IndexOfAnyExcept(s_tokenTail);
                end = more < 0 ? text.Length : end + more;
                valueEnd = end - start;
            }

            if (rule.Start == RuleStart.Name && NamesNoSecret(matched))
            {
                return;
            }

            // Jenkins names a stored credential by a GUID (credentials: '…'): an id, not the secret.
            if (rule.Start == RuleStart.Name && matched[..keywordLength].Contains("credential", StringComparison.OrdinalIgnoreCase)
                && ValueChecks.IsGuid(text.Slice(start + valueStart, valueEnd - valueStart)))
            {
                return;
            }

            // A rejected match (a placeholder) leaves later keywords inside it free to start matches of their own.
            var value = text.Slice(start + valueStart, valueEnd - valueStart);
            if (Passes(rule, value))
            {
                spans.Add(start + valueStart, start + valueEnd, rule.HideWhole ? SecretRedactor.Ellipsis : null);
                coveredUntil = end;
            }

            return;
        }
    }

    /// <summary>True when the located <paramref name="value"/> passes the rule's entropy, allowlist and value checks.</summary>
    internal static bool Passes(SecretRule rule, ReadOnlySpan<char> value) =>
        (rule.Entropy <= 0 || ValueChecks.Entropy(value) > rule.Entropy)
        && (rule.Allow is null || rule.Check == ValueCheck.Generic || !rule.Allow.IsMatch(value))
        && ValueChecks.IsSecret(value, rule.Check);

    /// <summary>True when what follows <paramref name="end"/> may follow a secret under <paramref name="rule"/>.</summary>
    internal static bool Ends(ReadOnlySpan<char> text, int end, TokenEnd rule)
    {
        if (end >= text.Length || rule == TokenEnd.None)
        {
            return true;
        }

        var next = text[end];
        return rule switch
        {
            TokenEnd.Word => !s_wordCharacters.Contains(next),
            TokenEnd.WordOrDash => next != '-' && !s_wordCharacters.Contains(next),
            TokenEnd.Base64 => next is not ('+' or '/') && !char.IsAsciiLetterOrDigit(next),
            _ => s_terminators.Contains(next) || (next == '\\' && end + 1 < text.Length && text[end + 1] is 'n' or 'r'),
        };
    }
}
