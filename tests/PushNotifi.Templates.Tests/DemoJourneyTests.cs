using System.Reflection;
using System.Text.RegularExpressions;

namespace PushNotifi.Templates.Tests;

/// <summary>
/// The README's main job, <c>dotnet run --project src/PushNotifi.Demo</c>, run end to end: the built demo packs,
/// installs the templates, generates, builds and runs an app against its embedded sandbox, and prints its checks.
/// In the templates collection so its restores and builds do not run beside the other template tests' foreground work.
/// </summary>
[Collection(TemplateTestGroup.Name)]
public sealed partial class DemoJourneyTests
{
    /// <summary>The journey's checks, as it prints them after <c>OK</c> or <c>FAIL</c> (see the demo's Journey.Report).</summary>
    private static readonly string[] Checks =
    [
        "every failed run rethrew to the scheduler (exit code 1)",
        "two alerts sent, one delivered (deduplicated retry)",
        "keyed cron:nightly-report:<run id truncated to the hour>",
        "the key in the exception message was redacted to its last four characters",
        "the app never printed the key",
        "the question went out at priority 2 with approve/deny buttons, and the tap was recorded",
        "the app received Approve and went on",
    ];

    [Fact]
    public async Task The_readme_main_job_passes_all_its_checks_and_shows_keys_only_by_their_last_four_characters()
    {
        var demo = typeof(DemoJourneyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DemoAssembly").Value!;
        Assert.True(File.Exists(demo), $"No {demo}; the test project's reference to PushNotifi.Demo builds it.");

        // The demo makes its own temporary folder, isolated package folder and hive; TestProcess scrubs the test
        // host's MSBuild, VSTest and PUSHNOTIFI_ variables and the artifacts path from what it inherits.
        var run = await TestProcess.RunAsync("dotnet", [demo], Path.GetDirectoryName(demo)!, timeout: TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, run.Describe());
        var lines = run.StandardOutput.Split('\n').Select(l => l.TrimEnd()).ToList();
        for (var step = 1; step <= 9; step++)
        {
            Assert.True(lines.Any(l => l.StartsWith($"[{step}/9] ", StringComparison.Ordinal)), $"No step {step} of 9. {run.Describe()}");
        }

        var verdicts = lines.Where(l => l.StartsWith("  OK   ", StringComparison.Ordinal) || l.StartsWith("  FAIL ", StringComparison.Ordinal)).ToList();
        Assert.True(verdicts.SequenceEqual(Checks.Select(c => "  OK   " + c)), $"Expected every check OK:\n{string.Join('\n', Checks)}\n{run.Describe()}");
        Assert.Contains(lines, l => l.StartsWith("Done in ", StringComparison.Ordinal));

        // The keys are made up inside the demo, so look for their shape: 32 letters or digits starting with u or g.
        var leaked = KeyShape().Matches(run.Output).Select(m => m.Value).ToList();
        // The failure names a leaked key by its last four characters only, and withholds the output that holds it.
        Assert.True(leaked.Count == 0, $"{leaked.Count} key(s) appear in full in the demo's output: {string.Join(", ", leaked.Select(k => "…" + k[^4..]))}.");

        // What it does print of the user key is its last four characters, in the alert's text as on its header line.
        var header = lines.Select(l => ApiKeyHeader().Match(l)).FirstOrDefault(m => m.Success);
        Assert.True(header is not null, $"No X-API-Key line in the report. {run.Describe()}");
        var lastFour = header.Groups["last"].Value;
        Assert.Contains(lines, l => l.Contains("message:", StringComparison.Ordinal) && l.Contains($"(X-API-Key: …{lastFour})", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[ug][A-Za-z0-9]{31}(?![A-Za-z0-9])")]
    private static partial Regex KeyShape();

    [GeneratedRegex(@"^\s+X-API-Key:\s+…(?<last>[A-Za-z0-9]{4})$")]
    private static partial Regex ApiKeyHeader();
}
