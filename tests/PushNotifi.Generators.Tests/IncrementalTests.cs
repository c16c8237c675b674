using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>The pipeline caches: reruns, unrelated edits and body edits re-emit nothing; no Roslyn object is kept.</summary>
public class IncrementalTests
{
    private static readonly string[] s_trackedSteps =
    [
        PushNotifiAlertGenerator.TrackingNames.Parse,
        PushNotifiAlertGenerator.TrackingNames.Models,
        PushNotifiAlertGenerator.TrackingNames.Diagnostics,
    ];

    private const string Annotated = ShapeCases.Usings + """
        namespace Demo;

        public partial class NightlyJobs(IPushNotifiClient pushNotifi)
        {
            [PushNotifiAlert("Cron failed: {jobName}", IdempotencyKey = "cron:{jobName}:{runId}")]
            public partial Task RunAsync(string jobName, string runId, CancellationToken cancellationToken);

            [PushNotifiAlert("Apply failed")]
            public partial int Apply(int unused);

            private Task RunCoreAsync(string jobName, string runId, CancellationToken cancellationToken) => Task.CompletedTask;

            private int ApplyCore(int unused) => unused;

            public IPushNotifiClient Client => pushNotifi;
        }
        """;

    private const string Unrelated = """
        namespace Demo;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    [Fact]
    public void Second_run_on_an_unchanged_compilation_is_fully_cached()
    {
        var compilation = GeneratorHarness.Compile([Annotated, Unrelated]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        AssertNoRoslynObjects(driver.GetRunResult());

        driver = driver.RunGenerators(compilation.Clone());
        AssertAllCached(driver.GetRunResult());
    }

    [Fact]
    public void Editing_an_unrelated_file_reuses_every_step()
    {
        var compilation = GeneratorHarness.Compile([Annotated, Unrelated]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var edited = Replace(compilation, 1, Unrelated.Replace("42", "43", StringComparison.Ordinal));
        driver = driver.RunGenerators(edited);
        AssertAllCached(driver.GetRunResult());
    }

    [Fact]
    public void Editing_a_method_body_in_the_annotated_file_changes_no_model_and_emits_nothing_new()
    {
        var compilation = GeneratorHarness.Compile([Annotated, Unrelated]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var before = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.SourceText.ToString()).ToList();

        var edited = Replace(compilation, 0, Annotated.Replace("=> unused;", "=> unused + 1;", StringComparison.Ordinal));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult();
        AssertAllCached(result);
        Assert.Equal(before, result.Results[0].GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Editing_a_template_reruns_only_the_changed_method()
    {
        var compilation = GeneratorHarness.Compile([Annotated, Unrelated]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var edited = Replace(compilation, 0, Annotated.Replace("Cron failed: ", "Cron FAILED: ", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited).GetRunResult();
        var models = result.Results[0].TrackedSteps[PushNotifiAlertGenerator.TrackingNames.Models]
            .SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, models);
        Assert.Contains(models, r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
    }

    private static Compilation Replace(Compilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static void AssertAllCached(GeneratorDriverRunResult result)
    {
        var run = Assert.Single(result.Results);
        foreach (var name in s_trackedSteps)
        {
            Assert.True(run.TrackedSteps.TryGetValue(name, out var steps), "missing tracked step " + name);
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} was {output.Reason}");
            }
        }

        foreach (var output in run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "source output was " + output.Reason);
        }
    }

    private static void AssertNoRoslynObjects(GeneratorDriverRunResult result)
    {
        var run = Assert.Single(result.Results);
        Assert.NotEmpty(run.TrackedSteps[PushNotifiAlertGenerator.TrackingNames.Models]);
        foreach (var name in s_trackedSteps)
        {
            foreach (var output in run.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                Walk(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
            $"{path} holds a Roslyn object: {value.GetType()}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
