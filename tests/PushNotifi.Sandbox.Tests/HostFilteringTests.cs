using System.Net;

namespace PushNotifi.Sandbox.Tests;

/// <summary>Only this machine's names reach the sandbox: a DNS-rebinding page sends its own Host and gets 400.</summary>
public class HostFilteringTests
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/sandbox/notifications")]
    [InlineData("GET", "/sandbox/requests")]
    [InlineData("POST", "/sandbox/faults")]
    [InlineData("DELETE", "/sandbox/notifications")]
    [InlineData("POST", "/api/v1/message")]
    [InlineData("GET", "/api/v1/messages")]
    public async Task A_foreign_host_is_refused_with_400_on_every_path(string method, string path)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Host = "evil.example:" + new Uri(sandbox.BaseUrl).Port;
        if (method == "POST")
        {
            request.Content = new StringContent("""{"kind":"error"}""", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(sandbox.Requests);
        Assert.Empty(sandbox.Faults.Pending);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("LOCALHOST")]
    public async Task Loopback_names_with_any_port_are_answered(string host)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/notifications");
        request.Headers.Host = host + ":" + new Uri(sandbox.BaseUrl).Port;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_ipv6_loopback_name_is_answered()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/notifications");
        request.Headers.Host = "[::1]";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_name_added_to_AllowedHosts_is_answered_and_others_still_refused()
    {
        var options = Fake.Options();
        options.AllowedHosts.Add("sandbox.test");
        await using var sandbox = await SandboxServer.StartAsync(options);
        using var client = Fake.Client(sandbox);

        using var allowed = await client.SendAsync(WithHost("sandbox.test"));
        using var other = await client.SendAsync(WithHost("other.test"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (allowed.StatusCode, other.StatusCode));
    }

    [Fact]
    public async Task The_address_given_in_Urls_is_answered_by_its_own_name()
    {
        var options = Fake.Options();
        options.Urls = "http://127.0.0.2:0";
        await using var sandbox = await SandboxServer.StartAsync(options);
        using var client = Fake.Client(sandbox);

        using var response = await client.GetAsync("/sandbox/notifications");

        Assert.StartsWith("http://127.0.0.2:", sandbox.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("http://my-laptop.lan")]
    [InlineData(" ")]
    public async Task An_allowed_host_that_is_not_a_name_is_refused_at_start_naming_the_option(string host)
    {
        var options = Fake.Options();
        options.AllowedHosts.Add(host);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxServer.StartAsync(options));

        Assert.Contains("SandboxOptions.AllowedHosts, --allowed-hosts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standalone_program_answers_names_given_with_allowed_hosts()
    {
        var port = FreePort.Next();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var sandbox = StandaloneProcess.Start(new Dictionary<string, string>(), "--urls", baseUrl, "--allowed-hosts", "sandbox.test;box.test");
        await Eventually.TrueAsync(() => sandbox.Output.Contains("export PUSHNOTIFI_API_BASE_URL=", StringComparison.Ordinal) || sandbox.HasExited, "the sandbox starts");
        Assert.False(sandbox.HasExited, sandbox.Output);
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };

        using var named = await client.SendAsync(WithHost($"box.test:{port}"));
        using var other = await client.SendAsync(WithHost($"evil.example:{port}"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (named.StatusCode, other.StatusCode));
    }

    private static HttpRequestMessage WithHost(string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/notifications");
        request.Headers.Host = host;
        return request;
    }
}
