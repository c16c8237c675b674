using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>
/// Every literal worth stopping at: the rules' keywords (one <see cref="SearchValues{T}"/>, shared) and the configured
/// secrets in each of their forms (another, per redactor). Kept apart because each set alone stays on the
/// vectorized fast path of <see cref="SearchValues{T}"/>, where the two together (over 32 values) do not, and run
/// 2 to 3 times slower. A table keyed by the first character says which rules or secrets start at a hit.
/// </summary>
internal sealed class KeywordIndex
{
    private const int OtherFirstCharacter = 0;

    private readonly Entry[][] _byFirstCharacter;

    /// <summary>Builds the index for the rules and the given configured secret forms (each with its replacement).</summary>
    public KeywordIndex(IReadOnlyList<SecretRule> rules, IReadOnlyList<(string Form, string Replacement)> secretForms)
    {
        var entries = new List<Entry>();
        for (var i = 0; i < rules.Count; i++)
        {
            // Long tokens are found by TokenScanner and assignments by AssignmentScanner; keeping their literals out keeps
            // this search on its fast path.
            if (TokenScanner.IsScanned(rules[i]) || rules[i].Start is RuleStart.Assignment or RuleStart.None)
            {
                continue;
            }

            foreach (var keyword in rules[i].Keywords)
            {
                entries.Add(new Entry(keyword, i, null));
            }
        }

        foreach (var (form, replacement) in secretForms)
        {
            entries.Add(new Entry(form, -1, replacement));
        }

        Keywords = SearchValues.Create(entries.Where(e => e.Rule >= 0).Select(e => e.Literal).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);
        SecretForms = secretForms.Count == 0 ? null : SearchValues.Create(secretForms.Select(f => f.Form).ToArray(), StringComparison.OrdinalIgnoreCase);
        _byFirstCharacter = entries
            .GroupBy(e => Bucket(e.Literal[0]))
            .Aggregate(new Entry[128][], (table, group) =>
            {
                table[group.Key] = [.. group];
                return table;
            });
    }

    /// <summary>The index for the built-in rules and no configured secrets.</summary>
    public static KeywordIndex Default { get; } = new(SecretRules.All, []);

    /// <summary>The rules' keywords, matched case-insensitively.</summary>
    public SearchValues<string> Keywords { get; }

    /// <summary>The configured secrets' forms, matched case-insensitively; null when none is configured.</summary>
    public SearchValues<string>? SecretForms { get; }

    /// <summary>The entries whose literal may start with <paramref name="first"/>; callers confirm with a comparison.</summary>
    public ReadOnlySpan<Entry> Candidates(char first) => _byFirstCharacter[Bucket(first)];

    private static int Bucket(char c) => char.IsAscii(c) ? char.ToLowerInvariant(c) : OtherFirstCharacter;

    /// <summary>A literal and what it stands for: a rule (by index) or a configured secret form (with its replacement).</summary>
    internal readonly record struct Entry(string Literal, int Rule, string? Replacement);
}
