namespace PushNotifi.Templates.Tests;

[Collection(TemplateTestGroup.Name)]
public sealed class MigrationTemplateTests(TemplateEnvironment environment)
{
    [Fact]
    public async Task Success_is_quiet_failure_is_loud_and_rethrown()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.Migration)).EnsureBuilt();
        await using var sandbox = await Sandbox.StartAsync();

        var run = await app.RunAsync(GeneratedApp.SandboxVariables(sandbox));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("rethrown: table is locked", run.StandardOutput);
        var delivered = sandbox.Notifications;
        Assert.Equal(2, delivered.Count);
        var ok = Assert.Single(delivered, n => n.IdempotencyKey == "mig:ok:AddOrdersIndex:20260510_0300");
        Assert.Equal(-1, ok.Priority);
        Assert.Equal("Migration applied: AddOrdersIndex", ok.Title);
        Assert.Equal("version 20260510_0300 ok", ok.Message);
        var failed = Assert.Single(delivered, n => n.IdempotencyKey == "mig:fail:DropLegacyTable:20260511_0100");
        Assert.Equal(2, failed.Priority);
        Assert.Equal("Migration FAILED: DropLegacyTable", failed.Title);
        Assert.Contains("version 20260511_0100: table is locked", failed.Message);

        // --notify-on-success false: the quiet variant sends nothing on success.
        Assert.DoesNotContain("NotifyOnSuccess", app.ReadFile("QuietMigrations.cs"));
        Assert.DoesNotContain(delivered, n => n.IdempotencyKey!.Contains("AddColumn", StringComparison.Ordinal));
    }
}
