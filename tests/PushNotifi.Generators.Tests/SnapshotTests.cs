using Microsoft.CodeAnalysis;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>
/// The generated source of every supported shape, compared with checked-in snapshots (scrubbed of the generator's
/// version), compiled, free of analyzer errors, and cached on a second run.
/// </summary>
public class SnapshotTests
{
    public static TheoryData<string> Cases => new(ShapeCases.All.Keys.Order());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generated_source_matches_snapshot_and_compiles_cleanly(string name)
    {
        var shape = ShapeCases.All[name];
        var compilation = GeneratorHarness.Compile(shape.Source, shape.Nullable);
        var (result, output) = GeneratorHarness.Run(compilation);

        var errors = (await GeneratorHarness.AnalyzeAsync(compilation)).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var generated = Assert.Single(Assert.Single(result.Results).GeneratedSources).SourceText.ToString();
        Assert.Contains($"\"{Snapshot.GeneratorVersion}\"", generated, StringComparison.Ordinal);
        Snapshot.Match(name, generated);

        var problems = GeneratorHarness.CompilerProblems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + generated);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_caches_every_step_and_keeps_no_Roslyn_object(string name)
    {
        var shape = ShapeCases.All[name];
        CachingAssert.CachesAcrossRuns(GeneratorHarness.Compile(shape.Source, shape.Nullable));
    }
}
