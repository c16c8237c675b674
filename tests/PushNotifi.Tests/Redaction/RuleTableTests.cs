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
    public void Every_pattern_is_anchored_and_non_backtracking()
    {
        Assert.All(SecretRules.All.Where(r => r.Pattern is not null), r =>
        {
            Assert.StartsWith("^", r.Pattern!.ToString(), StringComparison.Ordinal);
            Assert.True(r.Pattern.Options.HasFlag(RegexOptions.NonBacktracking), r.Name);
        });
    }

    [Fact]
    public void Every_rule_that_runs_has_keywords()
    {
        Assert.All(SecretRules.All.Where(r => r.Pattern is not null), r => Assert.NotEmpty(r.Keywords));
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
