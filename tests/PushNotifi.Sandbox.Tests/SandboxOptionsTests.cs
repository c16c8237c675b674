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
        await using var first = await Fake.StartAsync();
        await using var second = await Fake.StartAsync();

        Assert.StartsWith("http://127.0.0.1:", first.BaseUrl, StringComparison.Ordinal);
        Assert.False(first.BaseUrl.EndsWith('/'));
        Assert.NotEqual(first.BaseUrl, second.BaseUrl);
        Assert.NotEqual(0, new Uri(first.BaseUrl).Port);
    }

    [Fact]
    public async Task Dispose_releases_the_port()
    {
        var sandbox = await Fake.StartAsync();
        var url = sandbox.BaseUrl;
        await sandbox.DisposeAsync();

        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url));
    }
}
