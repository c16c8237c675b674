using System.Text.RegularExpressions;
using PushNotifi.Redaction;

namespace PushNotifi.Tests.Redaction;

/// <summary>
/// The rule table against what is documented: every family that docs/redaction.md lists has rows and every row's family
/// is listed there; every gitleaks default rule has a row; a row without a pattern says which row covers it or why it
/// cannot apply. (That every row has a corpus line is checked in <see cref="RedactionCorpusTests"/>.)
/// </summary>
public class RuleTableTests
{
    // The number of [[rules]] in gitleaks' config/gitleaks.toml at the commit GitleaksRules.Source names.
    private const int GitleaksDefaultRules = 218;

    [Fact]
    public void Every_family_in_the_docs_has_rows_and_every_rows_family_is_in_the_docs()
    {
        var documented = DocumentedFamilies();
        var families = SecretRules.All.Select(r => r.Family).ToHashSet();

        Assert.NotEmpty(documented);
        Assert.All(documented, f => Assert.Contains(f, families));
        Assert.All(families, f => Assert.Contains(f, documented));
    }

    [Fact]
    public void Every_gitleaks_default_rule_has_a_row()
    {
        var ids = SecretRules.All.Where(r => r.FromGitleaks).Select(r => r.Name).Distinct().ToList();

        Assert.Equal(GitleaksDefaultRules, ids.Count);
    }

    [Fact]
    public void A_row_without_a_pattern_names_the_row_that_covers_it_or_why_it_cannot_apply()
    {
        var runnable = SecretRules.All.Where(r => r.Pattern is not null).Select(r => r.Name).ToHashSet();

        Assert.All(SecretRules.All.Where(r => r.Pattern is null), r =>
        {
            Assert.True(r.CoveredBy is not null ^ r.NotApplicable is not null, $"{r.Name} needs exactly one of CoveredBy and NotApplicable");
            Assert.True(r.CoveredBy is null || runnable.Contains(r.CoveredBy), $"{r.Name} is covered by {r.CoveredBy}, which has no pattern");
        });
    }

    [Fact]
    public void Every_pattern_is_anchored_and_a_backtracking_one_has_no_nested_loop()
    {
        Assert.All(SecretRules.All.Where(r => r.Pattern is not null), r =>
        {
            var pattern = r.Pattern!.ToString();
            Assert.StartsWith("^", pattern, StringComparison.Ordinal);
            Assert.True(r.Pattern.Options.HasFlag(RegexOptions.NonBacktracking) || !HasNestedLoop(pattern), $"{r.Name}: a loop inside a repeated group can backtrack without bound; make it non-backtracking");
        });
    }

    [Theory]
    [InlineData("^(?:[a-z]+)+x", true)]
    [InlineData("^(?:a|[0-9]{2,})*", true)]
    [InlineData("^(?:-[0-9]{10,13}){3}", false)]
    [InlineData("^ghp_[0-9a-zA-Z]{36}(?:-[0-9])?", false)]
    [InlineData("^[(]+(?:[)+]{2})+", false)]
    public void The_nested_loop_check_finds_a_loop_inside_a_repeated_group(string pattern, bool nested)
    {
        Assert.Equal(nested, HasNestedLoop(pattern));
    }

    [Fact]
    public void The_key_length_the_token_scanner_looks_for_is_the_wire_contracts()
    {
        // The redaction folder is also compiled into the sandbox, so it keeps its own copy of the length.
        Assert.Equal(PushNotifiLimits.KeyLength, TokenScanner.KeyLength);
    }

    [Fact]
    public void Every_rule_that_runs_has_keywords()
    {
        Assert.All(SecretRules.All.Where(r => r.Pattern is not null), r => Assert.NotEmpty(r.Keywords));
    }

    // True when a group that may repeat without a fixed count ((…)*, (…)+, (…){2,}) holds a loop of its own.
    private static bool HasNestedLoop(string pattern)
    {
        var groups = new Stack<bool>();
        var innerLoop = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var closedLoop = false;
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = pattern.IndexOf(']', pattern[i + 1] == ']' ? i + 2 : i + 1);
                    while (pattern[i - 1] == '\\')
                    {
                        i = pattern.IndexOf(']', i + 1);
                    }

                    break;
                case '(':
                    groups.Push(innerLoop);
                    innerLoop = false;
                    break;
                case ')':
                    closedLoop = innerLoop;
                    innerLoop = groups.Pop() || innerLoop;
                    break;
            }

            var (length, repeats) = Quantifier(pattern, i + 1);
            if (closedLoop && repeats)
            {
                return true;
            }

            innerLoop |= repeats;
            i += length;
        }

        return false;
    }

    // The quantifier at i: how long it is, and whether it repeats a variable number of times (*, +, {m,}, {m,n}).
    private static (int Length, bool Repeats) Quantifier(string pattern, int i)
    {
        if (i >= pattern.Length)
        {
            return (0, false);
        }

        if (pattern[i] is '*' or '+')
        {
            return (1, true);
        }

        if (pattern[i] == '?' && (i < 1 || pattern[i - 1] != '('))
        {
            return (1, false);
        }

        var count = Regex.Match(pattern[i..], "^\\{([0-9]+)(,([0-9]*))?\\}");
        return !count.Success ? (0, false) : (count.Length, count.Groups[2].Success && count.Groups[3].Value != count.Groups[1].Value);
    }

    // The first column of the "| family | rows |" table in docs/redaction.md.
    private static HashSet<string> DocumentedFamilies()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "redaction.md")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "docs", "redaction.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| family | rows |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/redaction.md has no '| family | rows |' table");
        return lines.Skip(header + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|')[1].Trim().Trim('`'))
            .ToHashSet();
    }
}
