using PushNotifi.Sandbox;

namespace PushNotifi.Templates.Tests;

[Collection(TemplateTestGroup.Name)]
public sealed class CronTemplateTests(TemplateEnvironment environment)
{
    [Fact]
    public async Task Failing_run_alerts_once_per_scheduled_run_and_rethrows()
    {
        StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.Cron)).EnsureBuilt();
        await using var sandbox = await Sandbox.StartAsync();
        var variables = GeneratedApp.SandboxVariables(sandbox);

        var first = await app.RunAsync(variables, "2026-05-10T03:00:05Z", "fail");
        var retry = await app.RunAsync(variables, "2026-05-10T03:41:00Z", "fail");
        var nextHour = await app.RunAsync(variables, "2026-05-10T04:00:02Z", "fail");
        var success = await app.RunAsync(variables, "2026-05-10T05:00:00Z", "ok");

        foreach (var failed in new[] { first, retry, nextHour })
        {
            Assert.True(failed.ExitCode == 3, failed.Describe());
            Assert.Contains("rethrown to the scheduler", failed.StandardOutput);
            Assert.DoesNotContain(TemplateEnvironment.UserKey, failed.Output);
        }

        Assert.True(success.ExitCode == 0, success.Describe());
        var delivered = sandbox.Notifications;
        Assert.Equal(
            ["cron:nightly-backup:2026-05-10T03:00:00Z", "cron:nightly-backup:2026-05-10T04:00:00Z"],
            delivered.Select(n => n.IdempotencyKey));
        Assert.All(delivered, n =>
        {
            Assert.Equal("Cron failed: nightly-backup", n.Title);
            Assert.Equal(1, n.Priority);
            Assert.Contains("Backup disk full", n.Message);
            Assert.DoesNotContain(TemplateEnvironment.UserKey, n.Message);
        });

        // The retry of the 03:00 run reached the API with the same key and was deduplicated there.
        Assert.Equal(3, sandbox.Requests.Count(r => r.Path == "/api/v1/message"));
    }

    [Fact]
    public async Task Hosted_variant_builds_as_a_background_service_in_a_web_project()
    {
        StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.HostedCron)).EnsureBuilt();
        var source = app.ReadFile("ReportJob.cs");
        Assert.Contains(": BackgroundService", source);
        Assert.Contains("TimeSpan.FromMinutes(1)", source);
        Assert.Contains("public const string JobName = \"report\";", source);
        Assert.Contains("namespace HostedCronApp;", source);
    }

    internal static void StartAllBuilds(TemplateEnvironment environment)
    {
        foreach (var spec in Apps.All)
        {
            _ = environment.GetAppAsync(spec);
        }
    }
}
