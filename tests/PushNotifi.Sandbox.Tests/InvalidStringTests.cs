using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PushNotifi.Sandbox.Tests;

/// <summary>A string that is not text (an escaped lone surrogate, invalid UTF-8) is a 400 naming its field, everywhere JSON is read.</summary>
public class InvalidStringTests
{
    // "{alert}" in a path becomes the id of a fresh alert; "{group}" and "{token}" the kit's per-run keys.
    [Theory]
    [InlineData("/api/v1/message", """{"send_to_key":"{group}","message":"\ud800"}""", "message")]
    [InlineData("/api/v1/message", """{"send_to_key":"{group}","message":"ok","title":"a\udc00b"}""", "title")]
    [InlineData("/api/v1/webhooks/incoming/{token}", """{"message":"\ud800"}""", "message")]
    [InlineData("/api/v1/alerts/{alert}/ack", """{"device_id":"phone","comment":"\ud800"}""", "comment")]
    [InlineData("/api/v1/alerts/{alert}/ack", """{"device_id":"phone","response":"\udfff"}""", "response")]
    [InlineData("/api/v1/alerts/{alert}/ack", """{"device_id":"\ud800"}""", "device_id")]
    [InlineData("/api/v1/api-keys", """{"label":"\ud800"}""", "label")]
    public async Task A_lone_surrogate_escape_in_an_api_field_is_a_400_naming_it_and_recorded_as_400(string path, string body, string field)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        path = path.Replace("{alert}", path.Contains("{alert}", StringComparison.Ordinal) ? await client.SendAlertAsync() : null, StringComparison.Ordinal)
            .Replace("{token}", Fake.WebhookToken, StringComparison.Ordinal);
        body = body.Replace("{group}", Fake.GroupKey, StringComparison.Ordinal);

        using var response = await client.PostJsonAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal(("invalid_request", field), (error.GetProperty("error").GetString(), error.GetProperty("field").GetString()));
        Assert.Contains("not valid text", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, sandbox.Requests[^1].StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_bytes_in_a_message_are_a_400_naming_the_field_not_a_replaced_character()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        byte[] body = [.. Encoding.UTF8.GetBytes($$"""{"send_to_key":"{{Fake.GroupKey}}","message":"bad """), 0xFF, 0xFE, .. "\"}"u8];

        using var response = await client.PostAsync("/api/v1/message", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("message", (await response.JsonAsync()).GetProperty("field").GetString());
        Assert.Empty(sandbox.Notifications);
        Assert.Equal(400, sandbox.Requests[^1].StatusCode);
    }

    [Fact]
    public async Task A_lone_surrogate_in_an_inbox_ack_comment_is_a_400_naming_comment_and_leaves_the_alert_unacked()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        using var page = Fake.Client(sandbox, apiKey: null);
        var alertId = await owner.SendAlertAsync("yes_no");

        using var response = await page.PostJsonAsync($"/sandbox/alerts/{alertId}/ack", """{"response":"Yes","comment":"\ud800"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("comment", (await response.JsonAsync()).GetProperty("field").GetString());
        Assert.False(sandbox.FindAlert(alertId)!.Acked);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_fault_kind_is_a_400_naming_kind()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox, apiKey: null);

        using var response = await client.PostAsync("/sandbox/faults", Json([.. "{\"kind\":\"err"u8, 0xC3, .. "\"}"u8]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("kind", (await response.JsonAsync()).GetProperty("field").GetString());
        Assert.Empty(sandbox.Faults.Pending);
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
