using System.Net;

namespace PushNotifi.Sandbox.Tests;

public class StandaloneProgramTests
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["PUSHNOTIFI_USER_KEY"] = Fake.UserKey,
        ["PUSHNOTIFI_GROUP_KEY"] = Fake.GroupKey,
        ["PUSHNOTIFI_APPLICATION_KEY"] = Fake.ApplicationKey,
        ["PUSHNOTIFI_WEBHOOK_TOKEN"] = Fake.WebhookToken,
    };

    [Fact]
    public async Task Program_serves_on_the_given_url_and_logs_keys_only_as_last_four()
    {
        var baseUrl = $"http://127.0.0.1:{StandaloneProcess.FreePort()}";
        await using var sandbox = StandaloneProcess.Start(Keys, "--urls", baseUrl);
        await Eventually.TrueAsync(() => sandbox.Output.Contains("listening on " + baseUrl, StringComparison.Ordinal) || sandbox.Process.HasExited, "the sandbox says it listens");
        Assert.False(sandbox.Process.HasExited, sandbox.Output);

        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-API-Key", Fake.UserKey);
        using var sent = await client.SendToGroupAsync($"secret is {Fake.UserKey}");
        using var hook = await client.PostJsonAsync($"/api/v1/webhooks/incoming/{Fake.WebhookToken}", """{"message":"hook"}""");
        var captured = await client.GetStringAsync("/sandbox/notifications");
        await Eventually.TrueAsync(() => sandbox.Output.Contains("Delivered n_2", StringComparison.Ordinal), "the webhook delivery is logged");

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        Assert.Contains("secret is …0001", captured, StringComparison.Ordinal);
        var output = sandbox.Output;
        Assert.Contains("…0001", output, StringComparison.Ordinal);
        Assert.All(Keys.Values, key => Assert.DoesNotContain(key, output, StringComparison.Ordinal));
        Assert.DoesNotContain("secret is", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_without_user_key_fails_naming_the_variable()
    {
        var env = new Dictionary<string, string>(Keys);
        env.Remove("PUSHNOTIFI_USER_KEY");
        await using var sandbox = StandaloneProcess.Start(env, "--urls", $"http://127.0.0.1:{StandaloneProcess.FreePort()}");

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await sandbox.Process.WaitForExitAsync(bound.Token);

        Assert.Equal(2, sandbox.Process.ExitCode);
        Assert.Contains("PUSHNOTIFI_USER_KEY", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Fake.GroupKey, sandbox.Output, StringComparison.Ordinal);
    }
}
