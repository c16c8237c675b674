namespace PushNotifi.Sandbox.Tests;

public class SandboxOptionsTests
{
    [Fact]
    public void FromEnvironment_reads_the_four_variables_and_treats_blank_as_unset()
    {
        var env = new Dictionary<string, string?>
        {
            ["PUSHNOTIFI_USER_KEY"] = Fake.UserKey,
            ["PUSHNOTIFI_GROUP_KEY"] = "  ",
            ["PUSHNOTIFI_APPLICATION_KEY"] = Fake.ApplicationKey,
            ["PUSHNOTIFI_WEBHOOK_TOKEN"] = Fake.WebhookToken,
        };

        var options = SandboxOptions.FromEnvironment(name => env.GetValueOrDefault(name));

        Assert.Equal(Fake.UserKey, options.UserKey);
        Assert.Null(options.GroupKey);
        Assert.Equal(Fake.ApplicationKey, options.ApplicationKey);
        Assert.Equal(Fake.WebhookToken, options.WebhookToken);
        Assert.Equal("http://127.0.0.1:0", options.Urls);
    }

    [Fact]
    public void WithFakeKeys_fills_only_unset_keys_with_obvious_fakes_and_reports_them()
    {
        var options = new SandboxOptions { GroupKey = Fake.GroupKey };

        var generated = options.WithFakeKeys();

        Assert.Equal(["PUSHNOTIFI_USER_KEY", "PUSHNOTIFI_WEBHOOK_TOKEN"], generated);
        Assert.Matches("^uSANDBOX[A-Za-z0-9]{24}$", options.UserKey);
        Assert.Matches("^whSANDBOX[A-Za-z0-9]{23}$", options.WebhookToken);
        Assert.Equal(Fake.GroupKey, options.GroupKey);
        Assert.Null(options.ApplicationKey);
    }

    [Fact]
    public void WithFakeKeys_generates_a_group_key_and_different_keys_each_time()
    {
        var first = new SandboxOptions();
        var second = new SandboxOptions();

        Assert.Equal(3, first.WithFakeKeys().Count);
        second.WithFakeKeys();

        Assert.Matches("^gSANDBOX[A-Za-z0-9]{24}$", first.GroupKey);
        Assert.NotEqual(first.UserKey, second.UserKey);
        Assert.Empty(first.WithFakeKeys());
    }

    [Fact]
    public void Banner_prints_generated_fakes_in_full_and_given_keys_only_as_last_four()
    {
        var options = new SandboxOptions { UserKey = Fake.UserKey };
        var generated = options.WithFakeKeys();

        var lines = SandboxBanner.Lines(options, [.. generated], "http://127.0.0.1:5080");

        Assert.Contains($"# PUSHNOTIFI_USER_KEY from your environment ({TestKeys.LastFour(Fake.UserKey)})", lines);
        Assert.Contains($"export PUSHNOTIFI_GROUP_KEY={options.GroupKey}", lines);
        Assert.Contains($"export PUSHNOTIFI_WEBHOOK_TOKEN={options.WebhookToken}", lines);
        Assert.Contains("export PUSHNOTIFI_API_BASE_URL=http://127.0.0.1:5080", lines);
        Assert.Contains(lines, l => l.Contains("http://127.0.0.1:5080/", StringComparison.Ordinal) && l.Contains("Inbox", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain(Fake.UserKey, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_without_user_key_fails_naming_the_variable()
    {
        var options = Fake.Options();
        options.UserKey = " ";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxServer.StartAsync(options));

        Assert.Contains("PUSHNOTIFI_USER_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_binds_loopback_on_a_free_port_without_trailing_slash()
    {
        await using var first = await TestSandbox.StartAsync();
        await using var second = await TestSandbox.StartAsync();

        Assert.StartsWith("http://127.0.0.1:", first.BaseUrl, StringComparison.Ordinal);
        Assert.False(first.BaseUrl.EndsWith('/'));
        Assert.NotEqual(first.BaseUrl, second.BaseUrl);
        Assert.NotEqual(0, new Uri(first.BaseUrl).Port);
    }

    [Fact]
    public async Task Dispose_releases_the_port()
    {
        var sandbox = await TestSandbox.StartAsync();
        var url = sandbox.BaseUrl;
        await sandbox.DisposeAsync();

        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url));
    }
}
