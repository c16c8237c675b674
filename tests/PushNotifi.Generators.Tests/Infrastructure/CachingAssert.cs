using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PushNotifi.Generators.Tests.Infrastructure;

/// <summary>
/// The incremental pipeline's contract: a re-run on an equivalent compilation reuses every tracked step, and no
/// model holds a Roslyn object (which would keep compilations alive and defeat caching). The declarations step
/// holds its compilation by design: it is compared by its own comparer, never by the objects inside.
/// </summary>
internal static class CachingAssert
{
    public static readonly string[] TrackedSteps =
    [
        PushNotifiAlertGenerator.TrackingNames.Declarations,
        PushNotifiAlertGenerator.TrackingNames.Files,
    ];

    /// <summary>Runs twice (the second time on a clone) and checks both properties.</summary>
    public static void CachesAcrossRuns(Compilation compilation)
    {
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        NoRoslynObjects(driver.GetRunResult());
        AllCached(driver.RunGenerators(compilation.Clone()).GetRunResult());
    }

    public static Compilation Replace(Compilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
    }

    public static void AllCached(GeneratorDriverRunResult result)
    {
        var run = Assert.Single(result.Results);
        foreach (var name in TrackedSteps)
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

    public static void NoRoslynObjects(GeneratorDriverRunResult result)
    {
        var run = Assert.Single(result.Results);
        var models = run.TrackedSteps[PushNotifiAlertGenerator.TrackingNames.Files].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(models);
        foreach (var output in models)
        {
            Walk(output.Value, PushNotifiAlertGenerator.TrackingNames.Files, new HashSet<object>(ReferenceEqualityComparer.Instance));
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
