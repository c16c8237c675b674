using System.Net;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// The sandbox hides what the runtime's redactor knows, not only its own keys: a provider token sent in a message
/// shows as "…" plus its last 4 in the traffic log, the notifications and the event stream.
/// </summary>
public class SecretShapeHidingTests
{
    // Fake, and joined at run time so no committed line is a live-format secret: a GitHub token (ghp_ and 36 letters or
    // digits) and a NuGet API key (oy2 and 43 lower-case letters or digits).
    private static readonly string s_gitHubToken = "gh" + "p_" + "FAKEgithubTOKENforSANDBOXtests000042";
    private static readonly string s_nuGetKey = "oy" + "2" + "fakenugetkeyforthesandboxtests0000000000042";

    [Fact]
    public async Task A_provider_token_sent_in_a_message_shows_only_as_last_four_in_the_requests_the_notifications_and_the_event_stream()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        using var events = await SandboxEventStream.OpenAsync(sandbox);

        using var sent = await client.SendToGroupAsync($"push failed with {s_gitHubToken}, restore with {s_nuGetKey}");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var delivered = await events.NextAsync("notification");

        using var inspector = Fake.Client(sandbox, apiKey: null);
        var shown = new[]
        {
            await inspector.GetStringAsync("/sandbox/requests", ct),
            await inspector.GetStringAsync("/sandbox/notifications", ct),
            delivered.GetRawText(),
        };

        Assert.Equal($"push failed with …{s_gitHubToken[^4..]}, restore with …{s_nuGetKey[^4..]}", delivered.GetProperty("message").GetString());
        Assert.All(shown, text =>
        {
            Assert.DoesNotContain(s_gitHubToken[..^4], text, StringComparison.Ordinal);
            Assert.DoesNotContain(s_nuGetKey[..^4], text, StringComparison.Ordinal);
            Assert.Contains("…" + s_gitHubToken[^4..], text, StringComparison.Ordinal);
        });
    }
}
