using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>
/// Runs the <see cref="RuleStart.Assignment"/> rules, gitleaks' semi-generic form: a name that holds a keyword
/// (<c>TWITTER_API_SECRET</c>), at most 20 name characters or spaces and 3 quotes or spaces after the keyword, an
/// assignment (<c>= : := ::= =&gt; ?= || &gt; ,</c>), up to 5 quotes, spaces or <c>=</c>, then a value of the rule's
/// shape that ends where a secret may end. Over a hundred provider keywords would take a multi-string search far off
/// its fast path, so the pass looks for the assignment instead (a vectorized search for five characters) and, at
/// each, for a keyword in the few characters before it: a bitmap of the keywords' first two letters turns nearly
/// every place away without a comparison.
/// </summary>
internal static class AssignmentScanner
{
    private const int LongestGap = 20;
    private const int LongestQuotes = 3;
    private const int LongestValueSkip = 5;
    private const int LongestNamePrefix = 50;
    private const int LongestLineReach = 1024;

    private static readonly SearchValues<char> s_operators = SearchValues.Create("=:>,|");
    private static readonly SearchValues<char> s_gap =
        SearchValues.Create(" \tABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-");
    private static readonly SearchValues<char> s_quotes = SearchValues.Create(" \t\r\n\f\v'\"");
    private static readonly SearchValues<char> s_valueSkips = SearchValues.Create("`'\" \t\r\n\f\v=");

    private static readonly Keyword[] s_keywords = SecretRules.All
        .Where(r => r.Start == RuleStart.Assignment)
        .SelectMany(r => r.Keywords.Select(k => (Keyword: k.ToLowerInvariant(), Rule: r)))
        .GroupBy(p => p.Keyword)
        .Select(g => new Keyword(g.Key, [.. g.Select(p => p.Rule)]))
        .ToArray();

    private static readonly int s_longestKeyword = s_keywords.Max(k => k.Text.Length);

    private static readonly int s_shortestKeyword = s_keywords.Min(k => k.Text.Length);

    private static readonly bool[] s_isGap = [.. Enumerable.Range(0, 128).Select(c => s_gap.Contains((char)c))];

    // The keywords grouped by their first two folded characters, each group with the third characters its keywords
    // allow; a table from a pair to its group (0: none) turns nearly every place away without a comparison.
    private static readonly KeywordGroup[] s_groups = [.. s_keywords
        .GroupBy(k => Bigram(k.Text[0], k.Text[1]))
        .Select(g => new KeywordGroup([.. g], ThirdCharacters(g)))];

    private static readonly ushort[] s_groupByBigram = BuildGroupTable();

    /// <summary>Adds a span for each assigned value that one of the rules accepts.</summary>
    public static void Collect(ReadOnlySpan<char> text, ref SecretSpans spans)
    {
        var from = 0;
        var coveredUntil = 0;
        while (from < text.Length)
        {
            var offset = text[from..].IndexOfAny(s_operators);
            if (offset < 0)
            {
                return;
            }

            var op = from + offset;
            var opEnd = OperatorEnd(text, op);
            from = Math.Max(op + 1, opEnd);
            if (opEnd < 0 || op < coveredUntil)
            {
                continue;
            }

            var nameEnd = op > 0 && text[op] == '=' && text[op - 1] == '?' ? op - 1 : op;
            for (var quotes = 0; quotes < LongestQuotes && nameEnd > 0 && s_quotes.Contains(text[nameEnd - 1]); quotes++)
            {
                nameEnd--;
            }

            // Back over the name characters and spaces before the assignment, character by character: names are short,
            // where a vectorized call costs more than it saves.
            var floor = Math.Max(0, nameEnd - LongestGap - s_longestKeyword);
            var regionStart = nameEnd;
            while (regionStart > floor && text[regionStart - 1] is var c && c < 128 && s_isGap[c])
            {
                regionStart--;
            }

            // The region holds only name characters and spaces (ASCII), so folding with | 0x20 stays under 128.
            for (var p = regionStart; p + s_shortestKeyword <= nameEnd; p++)
            {
                var slot = s_groupByBigram[Bigram(text[p], text[p + 1])];
                if (slot == 0 || !s_groups[slot - 1].AllowsThird(text[p + 2]))
                {
                    continue;
                }

                foreach (var keyword in s_groups[slot - 1].Keywords)
                {
                    var keywordEnd = p + keyword.Text.Length;
                    if (keywordEnd <= nameEnd && nameEnd - keywordEnd <= LongestGap
                        && text.Slice(p, keyword.Text.Length).Equals(keyword.Text, StringComparison.OrdinalIgnoreCase))
                    {
                        foreach (var rule in keyword.Rules)
                        {
                            TryValue(rule, text, p, opEnd, ref coveredUntil, ref spans);
                        }
                    }
                }
            }
        }
    }

    // Where the assignment that starts at op ends; -1 when the character starts none (a lone '|').
    private static int OperatorEnd(ReadOnlySpan<char> text, int op)
    {
        var next = op + 1 < text.Length ? text[op + 1] : '\0';
        switch (text[op])
        {
            case ':':
                var colons = 1;
                while (colons < 3 && op + colons < text.Length && text[op + colons] == ':')
                {
                    colons++;
                }

                return op + colons < text.Length && text[op + colons] == '=' ? op + colons + 1 : op + 1;
            case '=':
                return next == '>' ? op + 2 : op + 1;
            case '|':
                return next == '|' ? op + 2 : -1;
            default:
                return op + 1;
        }
    }

    private static void TryValue(SecretRule rule, ReadOnlySpan<char> text, int keyword, int opEnd, ref int coveredUntil, ref SecretSpans spans)
    {
        if (rule.Pattern is not { } pattern || (rule.Check == ValueCheck.Generic && !IsGenericKeyword(text, keyword)))
        {
            return;
        }

        var valueStart = opEnd;
        for (var skipped = 0; skipped < LongestValueSkip && valueStart < text.Length && s_valueSkips.Contains(text[valueStart]); skipped++)
        {
            valueStart++;
        }

        var window = text.Slice(valueStart, Math.Min(rule.MaxLength, text.Length - valueStart));
        foreach (var match in pattern.EnumerateMatches(window))
        {
            var end = valueStart + match.Length;
            if (match.Index != 0 || !SecretScanner.Ends(text, end, rule.End) || !SecretScanner.Passes(rule, window[..match.Length]))
            {
                return;
            }

            if (rule.Check == ValueCheck.Generic && IsAllowedGeneric(rule, text, keyword, end))
            {
                return;
            }

            // Jenkins names a stored credential by a GUID (credentials: '…'): an id, not the secret.
            if (text[keyword..].StartsWith("cred", StringComparison.OrdinalIgnoreCase) && ValueChecks.IsGuid(window[..match.Length]))
            {
                return;
            }

            spans.Add(valueStart, end, null);
            coveredUntil = Math.Max(coveredUntil, end);
            return;
        }
    }

    // gitleaks matches "api" only as api, Api or API, where the other keywords match in any case.
    private static bool IsGenericKeyword(ReadOnlySpan<char> text, int keyword) =>
        !text[keyword..].StartsWith("api", StringComparison.OrdinalIgnoreCase)
        || text[keyword..].StartsWith("api", StringComparison.Ordinal)
        || text[keyword..].StartsWith("Api", StringComparison.Ordinal)
        || text[keyword..].StartsWith("API", StringComparison.Ordinal);

    // The generic rule's allowlists: its name list, tried on the whole match from the start of the name, and the lines
    // it skips (Docker's --mount=type=secret, JavaScript imports).
    private static bool IsAllowedGeneric(SecretRule rule, ReadOnlySpan<char> text, int keyword, int end)
    {
        var floor = Math.Max(0, keyword - LongestNamePrefix);
        var start = floor + text[floor..keyword].LastIndexOfAnyExcept(SecretScanner.NameCharacters) + 1;
        if (rule.Allow is { } allow && allow.IsMatch(text[start..end]))
        {
            return true;
        }

        // The line, but no further than LongestLineReach either side: a text without line breaks would otherwise be
        // read whole at every candidate, quadratic in its length.
        var floorOfLine = Math.Max(0, start - LongestLineReach);
        var lineStart = floorOfLine + text[floorOfLine..start].LastIndexOf('\n') + 1;
        var after = text.Slice(end, Math.Min(LongestLineReach, text.Length - end));
        var lineEnd = after.IndexOf('\n');
        var line = text[lineStart..(end + (lineEnd < 0 ? after.Length : lineEnd))];
        return line.Contains("--mount=type=secret,", StringComparison.Ordinal)
            || (line.TrimStart().StartsWith("import", StringComparison.Ordinal) && line.Contains(" from ", StringComparison.Ordinal));
    }

    // Lower-cases ASCII letters; keeps digits, '.', '-' and space; maps '_' to DEL for text and keywords alike.
    private static int Bigram(char a, char b) => (Fold(a) << 7) | Fold(b);

    private static ushort[] BuildGroupTable()
    {
        var table = new ushort[1 << 14];
        for (var i = 0; i < s_groups.Length; i++)
        {
            var keyword = s_groups[i].Keywords[0].Text;
            table[Bigram(keyword[0], keyword[1])] = (ushort)(i + 1);
        }

        return table;
    }

    // One bit per folded third character (as Bigram folds it) that some keyword of the group has.
    private static (ulong Low, ulong High) ThirdCharacters(IEnumerable<Keyword> keywords)
    {
        ulong low = 0, high = 0;
        foreach (var keyword in keywords)
        {
            var third = Fold(keyword.Text[2]);
            if (third < 64)
            {
                low |= 1UL << third;
            }
            else
            {
                high |= 1UL << (third - 64);
            }
        }

        return (low, high);
    }

    private static int Fold(char c) => (c | 0x20) & 0x7F;

    /// <summary>A keyword, lower-cased, and the rules it gates.</summary>
    private sealed record Keyword(string Text, SecretRule[] Rules);

    /// <summary>The keywords that share their first two folded characters, and a bitmap of their folded third ones.</summary>
    private sealed record KeywordGroup(Keyword[] Keywords, (ulong Low, ulong High) Third)
    {
        public bool AllowsThird(char c)
        {
            var third = Fold(c);
            return third < 64 ? (Third.Low & (1UL << third)) != 0 : (Third.High & (1UL << (third - 64))) != 0;
        }
    }
}
