using System.Text.Json;

namespace PushNotifi.Tests;

/// <summary>The inbound webhook through the runtime: token in the path, never in any text.</summary>
public class WebhookClientTests
{
    private static PushNotifiOptions WebhookOptions(string baseUrl) => WebhookOptions(baseUrl, TestKeys.WebhookToken);

    private static PushNotifiOptions WebhookOptions(string baseUrl, string? token) => new()
    {
        WebhookToken = token,
        ApiBaseUrl = baseUrl,
    };

    [Fact]
    public async Task A_webhook_send_delivers_title_and_message_to_the_group_without_a_user_key()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new PushNotifiWebhookClient(WebhookOptions(sandbox.BaseUrl));

        var result = await client.SendAsync("Deploy", "v1.2 is live");

        var captured = Assert.Single(sandbox.Notifications);
        Assert.Equal(("webhook", "Deploy", "v1.2 is live"), (captured.Source, captured.Title, captured.Message));
        Assert.False(result.Duplicate);
        Assert.False(string.IsNullOrEmpty(result.Message));
        Assert.Equal(["message", "title"], JsonDocument.Parse(captured.RawBody).RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.False(sandbox.Requests[0].Headers.ContainsKey("X-API-Key"));
    }

    [Fact]
    public async Task A_wrong_token_is_a_401_that_names_the_variable_and_never_the_token()
    {
        const string wrong = "FAKEwrongWEBHOOKtokenFORtests0099";
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new PushNotifiWebhookClient(WebhookOptions(sandbox.BaseUrl, wrong));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync("Deploy", "v1.2 is live"));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("PUSHNOTIFI_WEBHOOK_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("…0099", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task A_webhook_send_is_never_retried()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new PushNotifiWebhookClient(WebhookOptions(sandbox.BaseUrl));
        sandbox.Faults.FailNext(1, 503);

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync("Deploy", "v1.2 is live"));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public void A_missing_token_fails_naming_the_variable()
    {
        var error = Assert.Throws<PushNotifiConfigurationException>(() => new PushNotifiWebhookClient(WebhookOptions("http://127.0.0.1:9", token: null)));

        Assert.Equal("PUSHNOTIFI_WEBHOOK_TOKEN", error.VariableName);
    }

    [Fact]
    public async Task An_empty_message_is_refused_before_sending()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = new PushNotifiWebhookClient(WebhookOptions(sandbox.BaseUrl));

        var error = await Assert.ThrowsAsync<PushNotifiValidationException>(() => client.SendAsync("Deploy", " "));

        Assert.Equal("message", error.Field);
        Assert.Empty(sandbox.Requests);
    }
}
