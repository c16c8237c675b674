namespace PushNotifi.Templates.Tests;

[Collection(TemplateTestGroup.Name)]
public sealed class CiTemplateTests(TemplateEnvironment environment)
{
    [Fact]
    public async Task Notify_script_sends_through_the_webhook_token_and_never_prints_it()
    {
        var dir = await environment.CreateProjectAsync("CiApp", "console", withPackage: false);
        (await environment.NewAsync(dir, "pushnotifi-ci")).EnsureSuccess();
        var script = Path.Combine(dir, "scripts", "notify.sh");
        Assert.True(File.Exists(Path.Combine(dir, "scripts", "notify.ps1")));
        Assert.True(File.Exists(Path.Combine(dir, ".github", "actions", "pushnotifi-notify", "action.yml")));
        Assert.Contains("set -euo pipefail", File.ReadAllText(script));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), "notify.sh is not executable.");
        }
        await using var sandbox = await Sandbox.StartAsync();
        var variables = new Dictionary<string, string?>
        {
            ["PUSHNOTIFI_WEBHOOK_TOKEN"] = TemplateEnvironment.WebhookToken,
            ["PUSHNOTIFI_API_BASE_URL"] = sandbox.BaseUrl,
        };

        var sent = await ChildProcess.RunAsync("bash", [script, "Deploy failed", "repo \"x\" run 42"], dir, variables, TimeSpan.FromSeconds(30));
        variables["PUSHNOTIFI_WEBHOOK_TOKEN"] = TemplateEnvironment.WebhookToken.Replace("CANARY", "WRONGG", StringComparison.Ordinal);
        var rejected = await ChildProcess.RunAsync("bash", [script, "Deploy failed", "again"], dir, variables, TimeSpan.FromSeconds(30));
        variables.Remove("PUSHNOTIFI_WEBHOOK_TOKEN");
        var missing = await ChildProcess.RunAsync("bash", [script, "t", "m"], dir, variables, TimeSpan.FromSeconds(30));

        Assert.True(sent.ExitCode == 0, sent.Describe());
        var notification = Assert.Single(sandbox.Notifications);
        Assert.Equal("webhook", notification.Source);
        Assert.Equal("Deploy failed", notification.Title);
        Assert.Equal("repo \"x\" run 42", notification.Message);
        Assert.NotEqual(0, rejected.ExitCode);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("PUSHNOTIFI_WEBHOOK_TOKEN must be set", missing.StandardError);
        foreach (var result in new[] { sent, rejected, missing })
        {
            Assert.DoesNotContain("CANARY", result.Output);
            Assert.DoesNotContain("WRONGG", result.Output);
        }
    }

    [Fact]
    public async Task Cli_sender_pins_the_cli_to_the_pack_version()
    {
        var dir = Path.Combine(environment.Root, "ci-cli");
        Directory.CreateDirectory(dir);
        (await environment.NewAsync(dir, "pushnotifi-ci", "--sender", "cli", "--watch-workflow", "Deploy")).EnsureSuccess();
        var action = File.ReadAllText(Path.Combine(dir, ".github", "actions", "pushnotifi-notify", "action.yml"));
        Assert.Contains($"dotnet dnx -y PushNotifi.Cli@{environment.PackageVersion} -- send", action);
        Assert.DoesNotContain("notify.sh", action);
        Assert.Contains("workflows: [ \"Deploy\" ]", File.ReadAllText(Path.Combine(dir, ".github", "workflows", "pushnotifi-on-failure.yml")));
    }
}
