namespace PushNotifi.Cli.Tests.Verbs;

/// <summary><c>pushnotifi send</c> through the API and the inbound webhook, against a real sandbox.</summary>
public sealed class SendVerbTests : SandboxHost
{
    [Fact]
    public async Task Sends_through_the_api_with_every_option()
    {
        var run = await RunAsync(
            Environment(("PUSHNOTIFI_WEBHOOK_TOKEN", Canary.WebhookToken)),
            "send", "--title", "Deploy", "--message", "v1.2 is live", "--priority", "high",
            "--idempotency-key", "deploy:v1.2", "--url", "https://example.com/runs/7", "--url-title", "Run 7");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Sent through the API: Notification accepted.", run.Output.TrimEnd());
        var notification = Assert.Single(Server.Notifications);
        Assert.Equal("api", notification.Source);
        Assert.Equal(("Deploy", "v1.2 is live", 1, "deploy:v1.2"), (notification.Title, notification.Message, notification.Priority, notification.IdempotencyKey));
        Assert.Equal(("https://example.com/runs/7", "Run 7"), (notification.Url, notification.UrlTitle));
        Assert.Equal(Canary.GroupKey, notification.SendToKey);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_message_starting_with_an_at_sign_is_sent_as_typed()
    {
        var run = await RunAsync(Environment(), "send", "--title", "@oncall", "--message", "@here db is down");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("@oncall", "@here db is down"), (Server.Notifications[0].Title, Server.Notifications[0].Message));
    }

    [Fact]
    public async Task Uses_the_webhook_automatically_when_only_the_token_is_set()
    {
        var run = await RunAsync(
            Environment(("PUSHNOTIFI_USER_KEY", null), ("PUSHNOTIFI_GROUP_KEY", null), ("PUSHNOTIFI_WEBHOOK_TOKEN", Canary.WebhookToken)),
            "send", "--title", "CI failed", "--message", "main is red");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Sent through the webhook: Notification accepted.", run.Output.TrimEnd());
        var notification = Assert.Single(Server.Notifications);
        Assert.Equal(("webhook", "CI failed", "main is red"), (notification.Source, notification.Title, notification.Message));
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task Via_webhook_wins_over_the_api_key()
    {
        var run = await RunAsync(Environment(("PUSHNOTIFI_WEBHOOK_TOKEN", Canary.WebhookToken)), "send", "--via", "webhook", "--title", "t", "--message", "m");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("webhook", Assert.Single(Server.Notifications).Source);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_webhook_network_failure_names_the_base_url_but_never_the_token()
    {
        var closed = ClosedPortUrl();

        var run = await RunAsync(
            Environment(("PUSHNOTIFI_USER_KEY", null), ("PUSHNOTIFI_WEBHOOK_TOKEN", Canary.WebhookToken), ("PUSHNOTIFI_API_BASE_URL", closed)),
            "send", "--title", "t", "--message", "m");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"Could not reach {closed}.", run.Error, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_webhook_error_answer_prints_the_status_and_cause_without_the_token()
    {
        Server.Faults.FailNext(1, 500);

        var run = await RunAsync(Environment(("PUSHNOTIFI_USER_KEY", null), ("PUSHNOTIFI_WEBHOOK_TOKEN", Canary.WebhookToken)), "send", "--title", "t", "--message", "m");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Send through the webhook failed: HTTP 500.", run.Error, StringComparison.Ordinal);
        Assert.Contains("try again later", run.Error, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_webhook_with_a_malformed_base_url_is_a_usage_error_naming_the_variable()
    {
        var run = await RunAsync(
            Environment(("PUSHNOTIFI_USER_KEY", null), ("PUSHNOTIFI_WEBHOOK_TOKEN", Canary.WebhookToken), ("PUSHNOTIFI_API_BASE_URL", "ftp://example.com")),
            "send", "--title", "t", "--message", "m");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PUSHNOTIFI_API_BASE_URL must be an absolute http or https URL.", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task An_api_network_failure_exits_3()
    {
        var run = await RunAsync(Environment(("PUSHNOTIFI_API_BASE_URL", ClosedPortUrl())), "send", "--title", "t", "--message", "m");

        Assert.Equal(3, run.ExitCode);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task Api_only_options_with_the_webhook_are_a_usage_error()
    {
        var run = await RunAsync(
            Environment(("PUSHNOTIFI_USER_KEY", null), ("PUSHNOTIFI_WEBHOOK_TOKEN", Canary.WebhookToken)),
            "send", "--title", "t", "--message", "m", "--priority", "2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("only --title and --message", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
        Canary.AssertAbsent(run);
    }

    [Theory]
    [InlineData("--priority", "7")]
    [InlineData("--priority", "loud")]
    [InlineData("--via", "carrier-pigeon")]
    public async Task Invalid_options_are_usage_errors_that_send_nothing(string option, string value)
    {
        var run = await RunAsync(Environment(), "send", "--title", "t", "--message", "m", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Without_any_key_or_token_it_says_what_to_set()
    {
        var run = await RunAsync(Environment(("PUSHNOTIFI_USER_KEY", null)), "send", "--title", "t", "--message", "m");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PUSHNOTIFI_WEBHOOK_TOKEN", run.Error, StringComparison.Ordinal);
        Assert.Contains("pushnotifi init", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Title_and_message_are_required()
    {
        var run = await RunAsync(Environment(), "send", "--title", "t");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--message", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }
}
