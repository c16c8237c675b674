using System.Net;
using System.Text;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// What another site's page could send (a form post, a simple fetch) cannot ack, inject faults or clear; the inbox's own
/// same-origin JSON requests and header-less clients such as curl still can. No response may be framed.
/// </summary>
public class CrossSiteTests
{
    [Fact]
    public async Task A_cross_site_text_plain_ack_with_an_empty_body_is_refused_and_the_alert_stays_unacked()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        using var page = Fake.Client(sandbox, apiKey: null);
        var alertId = await owner.SendAlertAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/sandbox/alerts/{alertId}/ack")
        {
            Content = new StringContent(string.Empty, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await page.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(sandbox.FindAlert(alertId)!.Acked);
    }

    [Theory]
    [InlineData("text/plain", """{"response":"Yes"}""")]
    [InlineData("application/x-www-form-urlencoded", "response=Yes")]
    [InlineData("multipart/form-data; boundary=x", "--x--")]
    public async Task An_ack_that_is_not_json_is_415_naming_content_type(string contentType, string body)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        using var page = Fake.Client(sandbox, apiKey: null);
        var alertId = await owner.SendAlertAsync("yes_no");
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await page.PostAsync($"/sandbox/alerts/{alertId}/ack", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Content-Type", (await response.JsonAsync()).GetProperty("field").GetString());
        Assert.False(sandbox.FindAlert(alertId)!.Acked);
    }

    [Theory]
    [InlineData("POST", "/sandbox/faults", "Origin", "https://evil.example")]
    [InlineData("POST", "/sandbox/faults", "Origin", "null")]
    [InlineData("POST", "/sandbox/faults", "Sec-Fetch-Site", "cross-site")]
    [InlineData("POST", "/sandbox/faults", "Sec-Fetch-Site", "same-site")]
    [InlineData("DELETE", "/sandbox/faults", "Origin", "http://127.0.0.1:1")]
    [InlineData("DELETE", "/sandbox/notifications", "Origin", "https://evil.example")]
    [InlineData("DELETE", "/sandbox/notifications", "Sec-Fetch-Site", "cross-site")]
    public async Task A_state_change_from_another_origin_is_403_naming_the_header_and_changes_nothing(string method, string path, string header, string value)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        sandbox.Faults.FailNext(1, 503);
        (await client.SendToGroupAsync()).Dispose();
        sandbox.Faults.DropNext(1);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"kind":"error"}""", Encoding.UTF8, "application/json");
        }

        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(header, (await response.JsonAsync()).GetProperty("field").GetString());
        Assert.Single(sandbox.Faults.Pending);
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public async Task The_inbox_origin_sending_json_may_ack_and_clear()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        using var page = Fake.Client(sandbox, apiKey: null);
        page.DefaultRequestHeaders.Add("Origin", sandbox.BaseUrl);
        page.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        var alertId = await owner.SendAlertAsync("yes_no");

        using var ack = await page.PostJsonAsync($"/sandbox/alerts/{alertId}/ack", """{"response":"Yes"}""");
        using var clear = await page.DeleteAsync("/sandbox/notifications");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NoContent), (ack.StatusCode, clear.StatusCode));
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task A_plain_ack_is_an_empty_json_object()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        using var page = Fake.Client(sandbox, apiKey: null);
        var alertId = await owner.SendAlertAsync();

        using var ack = await page.PostJsonAsync($"/sandbox/alerts/{alertId}/ack", "{}");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(sandbox.FindAlert(alertId)!.Acked);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sandbox/inbox.js")]
    [InlineData("/sandbox/notifications")]
    [InlineData("/api/v1/messages")]
    [InlineData("/no/such/page")]
    public async Task Every_response_forbids_framing(string path)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.GetAsync(path);

        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
