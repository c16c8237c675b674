using Microsoft.CodeAnalysis;
using PushNotifi.Generators.Model;
using PushNotifi.Generators.Tests.Infrastructure;

namespace PushNotifi.Generators.Tests;

/// <summary>The pipeline caches: reruns, unrelated edits and body edits re-emit nothing; no Roslyn object is kept.</summary>
public class IncrementalTests
{
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
    public void Second_run_on_an_unchanged_compilation_is_fully_cached() =>
        CachingAssert.CachesAcrossRuns(GeneratorHarness.Compile([Annotated, Unrelated]));

    [Fact]
    public void Editing_an_unrelated_file_reuses_every_step()
    {
        var compilation = GeneratorHarness.Compile([Annotated, Unrelated]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var edited = CachingAssert.Replace(compilation, 1, Unrelated.Replace("42", "43", StringComparison.Ordinal));
        CachingAssert.AllCached(driver.RunGenerators(edited).GetRunResult());
    }

    [Fact]
    public void Editing_a_method_body_in_the_annotated_file_changes_no_model_and_emits_nothing_new()
    {
        var compilation = GeneratorHarness.Compile([Annotated, Unrelated]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var before = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.SourceText.ToString()).ToList();

        var edited = CachingAssert.Replace(compilation, 0, Annotated.Replace("=> unused;", "=> unused + 1;", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited).GetRunResult();
        CachingAssert.AllCached(result);
        Assert.Equal(before, result.Results[0].GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Inserting_lines_above_an_attributed_method_changes_no_model_and_emits_nothing_new()
    {
        var compilation = GeneratorHarness.Compile([Annotated, Unrelated]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var before = driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.SourceText.ToString()).ToList();

        // Every span below moves: a model that kept a location or a line number would change here.
        var moved = Annotated.Replace(
            "    [PushNotifiAlert(\"Cron failed",
            "    // Runs every night.\n\n    // Owned by the platform team.\n    [PushNotifiAlert(\"Cron failed",
            StringComparison.Ordinal);
        var result = driver.RunGenerators(CachingAssert.Replace(compilation, 0, moved)).GetRunResult();
        CachingAssert.AllCached(result);
        Assert.Equal(before, result.Results[0].GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Editing_a_template_re_emits_only_the_file_of_the_changed_type()
    {
        var other = ShapeCases.Usings + """
            namespace Demo;

            public static partial class Migrations
            {
                [PushNotifiAlert("Migration failed", IdempotencyKey = "migrate")]
                public static partial void Migrate();

                private static void MigrateCore()
                {
                }
            }
            """;
        var compilation = GeneratorHarness.Compile([Annotated, Unrelated, other]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var edited = CachingAssert.Replace(compilation, 0, Annotated.Replace("Cron failed: ", "Cron FAILED: ", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited).GetRunResult();
        var files = result.Results[0].TrackedSteps[PushNotifiAlertGenerator.TrackingNames.Files]
            .SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, files.Single(f => ((AlertFileModel)f.Value).HintName == "Demo.NightlyJobs.g.cs").Reason);
        Assert.True(files.Single(f => ((AlertFileModel)f.Value).HintName == "Demo.Migrations.g.cs").Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
    }
}
