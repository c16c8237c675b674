using PushNotifi.Sandbox;

namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>A sandbox that knows other keys, so the CLI's canary keys and token are rejected.</summary>
public sealed class RejectionTests : SandboxHost
{
    internal override void ConfigureSandbox(SandboxOptions options)
    {
    }

    [Fact]
    public async Task Test_with_an_unknown_user_key_prints_401_the_api_error_and_the_likely_cause()
    {
        var run = await RunAsync(Environment(), "test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 401", run.Error, StringComparison.Ordinal);
        Assert.Contains("API error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("(unauthorized)", run.Error, StringComparison.Ordinal);
        Assert.Contains("Likely cause: API key is invalid or revoked.", run.Error, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task Test_with_an_unknown_group_key_prints_404_and_the_likely_cause()
    {
        var run = await RunAsync(Environment(("PUSHNOTIFI_USER_KEY", TestKeys.User)), "test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 404", run.Error, StringComparison.Ordinal);
        Assert.Contains("(not_found)", run.Error, StringComparison.Ordinal);
        Assert.Contains("Likely cause: Group key was not found in your account.", run.Error, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task Send_with_a_wrong_webhook_token_prints_401_without_the_token()
    {
        var run = await RunAsync(Environment(("PUSHNOTIFI_USER_KEY", null), ("PUSHNOTIFI_WEBHOOK_TOKEN", Canary.WebhookToken)), "send", "--title", "Deploy", "--message", "done");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 401", run.Error, StringComparison.Ordinal);
        Assert.Contains("PUSHNOTIFI_WEBHOOK_TOKEN is invalid or revoked", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Notifications);
        Canary.AssertAbsent(run);
    }
}
