using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>
/// Every literal worth stopping at, in one <see cref="SearchValues{T}"/>: the rules' keywords and the configured
/// secrets in each of their forms. One vectorized search finds the next place any of them starts; a table keyed by
/// the first character then says which rules or secrets start there.
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
            // Token rules are found by TokenScanner; keeping their prefixes out keeps this search on its fast path.
            if (rules[i].Start == RuleStart.Token)
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

        Literals = SearchValues.Create(entries.Select(e => e.Literal).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);
        _byFirstCharacter = entries
            .GroupBy(e => Bucket(e.Literal[0]))
            .Aggregate(new Entry[128][], (table, group) =>
            {
                table[group.Key] = [.. group];
                return table;
            });
        RuleCount = rules.Count;
    }

    /// <summary>The index for the built-in rules and no configured secrets.</summary>
    public static KeywordIndex Default { get; } = new(SecretRules.All, []);

    /// <summary>All literals, matched case-insensitively.</summary>
    public SearchValues<string> Literals { get; }

    /// <summary>How many rules the index dispatches to.</summary>
    public int RuleCount { get; }

    /// <summary>The entries whose literal may start with <paramref name="first"/>; callers confirm with a comparison.</summary>
    public ReadOnlySpan<Entry> Candidates(char first) => _byFirstCharacter[Bucket(first)];

    private static int Bucket(char c) => char.IsAscii(c) ? char.ToLowerInvariant(c) : OtherFirstCharacter;

    /// <summary>A literal and what it stands for: a rule (by index) or a configured secret form (with its replacement).</summary>
    internal readonly record struct Entry(string Literal, int Rule, string? Replacement);
}
