using System.Net;
using System.Text.RegularExpressions;

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
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        await using var sandbox = StandaloneProcess.Start(Keys, "--urls", baseUrl);
        await Eventually.TrueAsync(() => sandbox.Output.Contains("listening on " + baseUrl, StringComparison.Ordinal) || sandbox.HasExited, "the sandbox says it listens");
        Assert.False(sandbox.HasExited, sandbox.Output);

        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-API-Key", Fake.UserKey);
        using var sent = await client.SendToGroupAsync($"secret is {Fake.UserKey}");
        using var hook = await client.PostJsonAsync($"/api/v1/webhooks/incoming/{Fake.WebhookToken}", """{"message":"hook"}""");
        var captured = await client.GetStringAsync("/sandbox/notifications");
        await Eventually.TrueAsync(() => sandbox.Output.Contains("Delivered n_2", StringComparison.Ordinal), "the webhook delivery is logged");

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        Assert.Contains("secret is " + TestKeys.LastFour(Fake.UserKey), captured, StringComparison.Ordinal);
        var output = sandbox.Output;
        Assert.Contains(TestKeys.LastFour(Fake.UserKey), output, StringComparison.Ordinal);
        Assert.All(Keys.Values, key => Assert.DoesNotContain(key, output, StringComparison.Ordinal));
        Assert.DoesNotContain("secret is", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_without_keys_makes_up_fakes_prints_the_exports_and_accepts_them()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        await using var sandbox = StandaloneProcess.Start(new Dictionary<string, string>(), "--urls", baseUrl);
        await Eventually.TrueAsync(() => sandbox.Output.Contains("export PUSHNOTIFI_API_BASE_URL=" + baseUrl, StringComparison.Ordinal) || sandbox.HasExited, "the sandbox prints its exports");
        var output = sandbox.Output;
        Assert.False(sandbox.HasExited, output);

        var userKey = Regex.Match(output, "^export PUSHNOTIFI_USER_KEY=(uSANDBOX[A-Za-z0-9]{24})$", RegexOptions.Multiline).Groups[1].Value;
        var groupKey = Regex.Match(output, "^export PUSHNOTIFI_GROUP_KEY=(gSANDBOX[A-Za-z0-9]{24})$", RegexOptions.Multiline).Groups[1].Value;
        var token = Regex.Match(output, "^export PUSHNOTIFI_WEBHOOK_TOKEN=(whSANDBOX[A-Za-z0-9]{23})$", RegexOptions.Multiline).Groups[1].Value;
        Assert.All(new[] { userKey, groupKey, token }, value => Assert.False(string.IsNullOrEmpty(value), output));
        Assert.Contains(baseUrl + "/", output, StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-API-Key", userKey);
        using var sent = await client.PostJsonAsync("/api/v1/message", $$"""{"send_to_key":"{{groupKey}}","message":"zero config"}""");
        using var hook = await client.PostJsonAsync($"/api/v1/webhooks/incoming/{token}", """{"message":"hook"}""");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (sent.StatusCode, hook.StatusCode));
    }

    [Fact]
    public async Task Program_with_some_keys_keeps_them_unprinted_and_makes_up_only_the_rest()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var env = new Dictionary<string, string> { ["PUSHNOTIFI_USER_KEY"] = Fake.UserKey };
        await using var sandbox = StandaloneProcess.Start(env, "--urls", baseUrl);
        await Eventually.TrueAsync(() => sandbox.Output.Contains("export PUSHNOTIFI_API_BASE_URL=", StringComparison.Ordinal) || sandbox.HasExited, "the sandbox prints its exports");

        var output = sandbox.Output;
        Assert.DoesNotContain(Fake.UserKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain("export PUSHNOTIFI_USER_KEY", output, StringComparison.Ordinal);
        Assert.Contains($"PUSHNOTIFI_USER_KEY from your environment ({TestKeys.LastFour(Fake.UserKey)})", output, StringComparison.Ordinal);
        Assert.Matches("export PUSHNOTIFI_GROUP_KEY=gSANDBOX", output);
    }

    [Fact]
    public async Task Program_caps_the_traffic_log_and_the_notifications_with_its_flags()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        await using var sandbox = StandaloneProcess.Start(Keys, "--urls", baseUrl, "--max-requests", "2", "--max-notifications", "1");
        await Eventually.TrueAsync(() => sandbox.Output.Contains("listening on " + baseUrl, StringComparison.Ordinal) || sandbox.HasExited, "the sandbox says it listens");
        Assert.False(sandbox.HasExited, sandbox.Output);

        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-API-Key", Fake.UserKey);
        for (var i = 1; i <= 3; i++)
        {
            (await client.SendToGroupAsync($"send {i}")).Dispose();
        }

        var requests = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/sandbox/requests")).RootElement;
        var notifications = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/sandbox/notifications")).RootElement;
        Assert.Equal([2L, 3L], requests.EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));
        Assert.Equal("n_3", Assert.Single(notifications.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Program_with_a_cap_that_is_not_a_positive_number_exits_2_naming_the_flag()
    {
        await using var sandbox = StandaloneProcess.Start(Keys, "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--max-notifications", "lots");
        await sandbox.WaitForExitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(2, sandbox.ExitCode);
        Assert.Contains("pushnotifi-sandbox: --max-notifications must be a whole number of at least 1 (got 'lots').", sandbox.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_with_a_corrupt_data_file_exits_2_naming_the_file_and_what_to_do()
    {
        using var data = new DataFile();
        await File.WriteAllTextAsync(data.Path, "not a database at all, only some text that is long enough to be looked at");

        await using var sandbox = StandaloneProcess.Start(Keys, "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--data", data.Path);
        await sandbox.WaitForExitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(2, sandbox.ExitCode);
        Assert.Contains("pushnotifi-sandbox: The sandbox data file " + data.Path, sandbox.Output, StringComparison.Ordinal);
        Assert.Contains("Move it away", sandbox.Output, StringComparison.Ordinal);
    }
}
