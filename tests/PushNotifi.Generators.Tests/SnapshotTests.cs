using Microsoft.CodeAnalysis;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>The generated source of every supported shape, compared with checked-in snapshots, and compiled.</summary>
public class SnapshotTests
{
    public static TheoryData<string> Cases => new(ShapeCases.All.Keys.Order());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_source_matches_snapshot_and_compiles_cleanly(string name)
    {
        var shape = ShapeCases.All[name];
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.Compile(shape.Source, shape.Nullable));

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var generated = Assert.Single(Assert.Single(result.Results).GeneratedSources);
        Snapshot.Match(name, generated.SourceText.ToString());

        var problems = GeneratorHarness.CompilerProblems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + generated.SourceText);
    }
}
