namespace PushNotifi.Templates.Tests;

[Collection(TemplateTestGroup.Name)]
public sealed class ErrorRateTemplateTests(TemplateEnvironment environment)
{
    [Fact]
    public async Task Concurrent_errors_alert_once_per_window_at_the_threshold()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.ErrorRate)).EnsureBuilt();
        Assert.Contains("DefaultWindowMinutes = 10;", app.ReadFile("StripeErrorRateMonitor.cs"));
        Assert.Contains("DefaultThreshold = 5;", app.ReadFile("StripeErrorRateMonitor.cs"));
        Assert.Contains("interface IStripeErrorRateStore", app.ReadFile("IStripeErrorRateStore.cs"));
        await using var sandbox = await Sandbox.StartAsync();

        var run = await app.RunAsync(GeneratedApp.SandboxVariables(sandbox));

        Assert.True(run.ExitCode == 0, run.Describe());
        var alert = Assert.Single(sandbox.Notifications);
        Assert.Equal("rate:stripe:rate_limited:2026-05-10T03:00:00Z", alert.IdempotencyKey);
        Assert.Equal(1, alert.Priority);
        Assert.Equal("stripe error-rate threshold", alert.Title);
        Assert.Matches("^([5-9]|1[0-2]) rate_limited errors", alert.Message); // the caller that claims the window may have counted past 5
    }
}
