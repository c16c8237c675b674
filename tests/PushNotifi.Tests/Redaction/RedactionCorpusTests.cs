using System.Globalization;
using System.Text;

namespace PushNotifi.Tests.Redaction;

public class RedactionCorpusTests(ITestOutputHelper output)
{
    private const double RecallGoal = 0.95;
    private const double FalsePositiveLimit = 0.02;

    /// <summary>Recall and false-positive rate per family, as the corpus measures them with <see cref="Redactor.Default"/>.</summary>
    internal static IReadOnlyList<FamilyScore> Score(Redactor redactor) =>
        RedactionCorpus.Cases
            .GroupBy(c => (c.Family, Keep: c.Secret is null))
            .Select(g => new FamilyScore(
                g.Key.Family,
                g.Key.Keep,
                g.Count(),
                g.Count(c => c.Secret is null ? redactor.Redact(c.Text) != c.Text : !c.IsRedactedIn(redactor.Redact(c.Text))),
                [.. g.Where(c => c.Secret is null ? redactor.Redact(c.Text) != c.Text : !c.IsRedactedIn(redactor.Redact(c.Text))).Select(c => c.Line)]))
            .ToList();

    [Fact]
    public void Every_secret_family_has_at_least_95_percent_recall_and_no_family_of_look_alikes_over_2_percent_false_positives()
    {
        var scores = Score(Redactor.Default);
        var report = new StringBuilder("| family | kind | cases | recall | false positives | failing lines |\n|---|---|---:|---:|---:|---|\n");
        foreach (var score in scores)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {score.Family} | {(score.Keep ? "keep" : "redact")} | {score.Cases} | {(score.Keep ? "" : Percent(1 - score.FailureRate))} | {(score.Keep ? Percent(score.FailureRate) : "")} | {string.Join(", ", score.FailingLines)} |");
        }

        var secrets = scores.Where(s => !s.Keep).ToList();
        var lookAlikes = scores.Where(s => s.Keep).ToList();
        report.AppendLine(CultureInfo.InvariantCulture, $"| all secrets | redact | {secrets.Sum(s => s.Cases)} | {Percent(1 - ((double)secrets.Sum(s => s.Failures) / secrets.Sum(s => s.Cases)))} | | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| all look-alikes | keep | {lookAlikes.Sum(s => s.Cases)} | | {Percent((double)lookAlikes.Sum(s => s.Failures) / lookAlikes.Sum(s => s.Cases))} | |");
        output.WriteLine(report.ToString());

        Assert.All(secrets, s => Assert.True(1 - s.FailureRate >= RecallGoal, $"{s.Family}: recall {Percent(1 - s.FailureRate)}, failing lines {string.Join(", ", s.FailingLines)}"));
        Assert.All(lookAlikes, s => Assert.True(s.FailureRate <= FalsePositiveLimit, $"{s.Family}: {Percent(s.FailureRate)} changed, lines {string.Join(", ", s.FailingLines)}"));
    }

    [Fact]
    public void The_corpus_covers_each_family_of_our_own_rows_with_several_cases()
    {
        var families = RedactionCorpus.Cases.Where(c => c.Secret is not null).GroupBy(c => c.Family).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(PushNotifi.Redaction.SecretRules.Own, r => Assert.True(families.GetValueOrDefault(r.Family) >= 3, $"{r.Name} ({r.Family}) has fewer than 3 corpus cases"));
    }

    [Fact]
    public void Every_rule_that_runs_has_a_corpus_line_naming_it_and_redacts_it()
    {
        var runnable = PushNotifi.Redaction.SecretRules.All.Where(r => r.Pattern is not null).Select(r => r.Name).Distinct();
        var byRule = RedactionCorpus.Cases.Where(c => c.Rule is not null).ToLookup(c => c.Rule!);
        var ownFamilies = RedactionCorpus.Cases.Where(c => c.Secret is not null).Select(c => c.Family).ToHashSet();

        Assert.All(runnable, name =>
        {
            // Our own rows were tested by family before rows carried names (the corpus's older lines).
            var rule = PushNotifi.Redaction.SecretRules.All.First(r => r.Name == name);
            Assert.True(byRule[name].Any() || (!rule.FromGitleaks && ownFamilies.Contains(rule.Family)), $"{name} has no corpus line");
            Assert.All(byRule[name], c => Assert.True(c.IsRedactedIn(Redactor.Default.Redact(c.Text)), $"{name}: line {c.Line} keeps its secret"));
        });
    }

    [Fact]
    public void Every_corpus_line_that_names_a_rule_names_one_that_exists_and_says_where_its_shape_comes_from()
    {
        var names = PushNotifi.Redaction.SecretRules.All.Select(r => r.Name).ToHashSet();

        Assert.All(RedactionCorpus.Cases.Where(c => c.Rule is not null), c => Assert.Contains(c.Rule!, names));
        Assert.All(RedactionCorpus.Cases.Where(c => c.Rule is not null), c => Assert.False(string.IsNullOrWhiteSpace(c.Source), $"line {c.Line} gives no source"));
    }

    [Fact]
    public void Redacting_a_corpus_case_twice_changes_nothing_more()
    {
        Assert.All(RedactionCorpus.Cases, c =>
        {
            var once = Redactor.Default.Redact(c.Text);
            Assert.Equal(once, Redactor.Default.Redact(once));
        });
    }

    private static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>How one family of the corpus fared.</summary>
    internal sealed record FamilyScore(string Family, bool Keep, int Cases, int Failures, IReadOnlyList<int> FailingLines)
    {
        public double FailureRate => (double)Failures / Cases;
    }
}
