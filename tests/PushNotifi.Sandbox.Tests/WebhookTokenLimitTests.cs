using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Sandbox.Tests;

/// <summary>Wrong inbound-webhook tokens count toward the failed-auth limit, as wrong X-API-Keys do.</summary>
public class WebhookTokenLimitTests
{
    private const string WrongToken = "whFAKEwrongTOKENforTESTS00000077";

    [Fact]
    public async Task Twenty_wrong_webhook_tokens_then_429_for_the_right_token_and_every_api_key_too()
    {
        await using var sandbox = await TestSandbox.StartAsync(clock: new FakeTimeProvider());
        using var anonymous = Fake.Client(sandbox, apiKey: null);
        using var right = Fake.Client(sandbox);

        for (var i = 0; i < SandboxLimits.FailedAuthPerMinute; i++)
        {
            using var refused = await anonymous.PostJsonAsync($"/api/v1/webhooks/incoming/{WrongToken}", """{"message":"hook"}""");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await anonymous.PostJsonAsync($"/api/v1/webhooks/incoming/{WrongToken}", """{"message":"hook"}""");
        using var rightToken = await anonymous.PostJsonAsync($"/api/v1/webhooks/incoming/{Fake.WebhookToken}", """{"message":"hook"}""");
        using var rightKey = await right.SendToGroupAsync();
        var body = await limited.JsonAsync();

        Assert.Equal(
            (HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests),
            (limited.StatusCode, rightToken.StatusCode, rightKey.StatusCode));
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("RATE_LIMITED", body.GetProperty("error").GetString());
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task Wrong_webhook_tokens_and_wrong_api_keys_add_up_in_one_count()
    {
        await using var sandbox = await TestSandbox.StartAsync(clock: new FakeTimeProvider());
        using var anonymous = Fake.Client(sandbox, apiKey: null);
        using var wrongKey = Fake.Client(sandbox, TestKeys.WrongUser);

        for (var i = 0; i < SandboxLimits.FailedAuthPerMinute / 2; i++)
        {
            (await anonymous.PostJsonAsync($"/api/v1/webhooks/incoming/{WrongToken}", """{"message":"hook"}""")).Dispose();
            (await wrongKey.SendToGroupAsync()).Dispose();
        }

        using var limited = await anonymous.PostJsonAsync($"/api/v1/webhooks/incoming/{Fake.WebhookToken}", """{"message":"hook"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }
}
