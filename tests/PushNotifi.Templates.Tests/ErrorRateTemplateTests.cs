namespace PushNotifi.Templates.Tests;

[Collection(TemplateTestGroup.Name)]
public sealed class ErrorRateTemplateTests(TemplateEnvironment environment)
{
    [Fact]
    public async Task Concurrent_errors_alert_once_per_window_at_the_threshold()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.ErrorRate)).EnsureBuilt();
        var monitor = app.ReadFile("StripeErrorRateMonitor.cs");
        Assert.Contains("DefaultWindowMinutes = 10;", monitor);
        Assert.Contains("DefaultThreshold = 5;", monitor);
        Assert.Contains("IPushNotifiStateStore store,", monitor);
        Assert.False(File.Exists(Path.Combine(app.Directory, "StripeErrorRateRedis.cs")));
        Assert.DoesNotContain("PushNotifi.Redis", app.ReadFile("ErrorRateApp.csproj"));
        await using var sandbox = await Sandbox.StartAsync();

        var run = await app.RunAsync(GeneratedApp.SandboxVariables(sandbox));

        Assert.True(run.ExitCode == 0, run.Describe());
        var alert = Assert.Single(sandbox.Notifications);
        Assert.Equal("rate:stripe:rate_limited:2026-05-10T03:00:00Z", alert.IdempotencyKey);
        Assert.Equal(1, alert.Priority);
        Assert.Equal("stripe error-rate threshold", alert.Title);
        Assert.Matches("^([5-9]|1[0-2]) rate_limited errors", alert.Message); // the caller that claims the window may have counted past 5
    }

    [Fact]
    public async Task The_caller_timing_out_during_a_hanging_alert_does_not_throw_out_of_tracking()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.ErrorRate)).EnsureBuilt();
        Assert.DoesNotContain("catch", app.ReadFile("StripeErrorRateMonitor.cs"));
        await using var sandbox = await Sandbox.StartAsync();
        sandbox.Faults.DelayNext(1, TimeSpan.FromHours(1));

        // The threshold's call sends; its caller's 1-second token runs out first. Before the alerter, the
        // OperationCanceledException escaped TrackErrorAsync and ended the app.
        var run = await app.RunAsync(GeneratedApp.SandboxVariables(sandbox), "cancelled");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("alerts sent: 0", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("alert for StripeErrorRateMonitor was cancelled by the caller", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TemplateEnvironment.UserKey, run.Output);
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task With_store_redis_the_package_is_added_and_three_processes_share_one_alert_per_window(RedisBackend backend)
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.Redis)).EnsureBuilt();
        Assert.Contains($"<PackageReference Include=\"PushNotifi.Redis\" Version=\"{environment.PackageVersion}\" />", app.ReadFile("RedisStoreApp.csproj"));
        var registration = app.ReadFile("StripeErrorRateRedis.cs");
        Assert.Contains("configuration.GetConnectionString(ConnectionStringName)", registration);
        Assert.Contains("services.AddPushNotifiRedis(", registration);
        await using var redis = await RedisServer.StartAsync(backend);
        await using var sandbox = await Sandbox.StartAsync();
        var variables = GeneratedApp.SandboxVariables(sandbox);
        variables["ConnectionStrings__Redis"] = redis.ConnectionString;

        // Three instances, each with 12 concurrent errors: 36 counted in Redis, one claim of the window.
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.RunAsync(variables, "error-rate")));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Describe()));
        Assert.Equal(1, runs.Count(run => run.StandardOutput.Contains("alerts sent: 1", StringComparison.Ordinal)));
        var alert = Assert.Single(sandbox.Notifications);
        Assert.Equal("rate:stripe:rate_limited:2026-05-10T03:00:00Z", alert.IdempotencyKey);
        Assert.Single(sandbox.Requests, r => r.Path == "/api/v1/message");
        Assert.Contains("template-tests:count:rate:stripe:rate_limited:2026-05-10T03:00:00Z", await redis.CommandAsync("KEYS", "*"));
        Assert.Equal("36", (await redis.CommandAsync("GET", "template-tests:count:rate:stripe:rate_limited:2026-05-10T03:00:00Z")).Trim());
    }

    [Fact]
    public async Task With_store_redis_a_missing_connection_string_stops_the_app_at_start_naming_the_setting()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var app = (await environment.GetAppAsync(Apps.Redis)).EnsureBuilt();
        await using var sandbox = await Sandbox.StartAsync();

        var run = await app.RunAsync(GeneratedApp.SandboxVariables(sandbox), "error-rate");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("ConnectionStrings__Redis", run.Output);
        Assert.Empty(sandbox.Notifications);
    }
}
