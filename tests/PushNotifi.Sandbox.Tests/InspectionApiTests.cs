using System.Net;
using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

public class InspectionApiTests
{
    private static readonly string[] AllKeys = [Fake.UserKey, Fake.GroupKey, Fake.ApplicationKey, Fake.WebhookToken];

    [Fact]
    public async Task Notifications_are_listed_with_keys_as_last_four_only()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        client.DefaultRequestHeaders.Add("X-Leak", "key=" + Fake.UserKey);
        (await client.PostJsonAsync("/api/v1/message",
            $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"user key is {{Fake.UserKey}}","application_key":"{{Fake.ApplicationKey}}"}""")).Dispose();

        using var response = await client.GetAsync("/sandbox/notifications");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(AllKeys, key => Assert.DoesNotContain(key, text, StringComparison.Ordinal));
        var n = Assert.Single(JsonDocument.Parse(text).RootElement.EnumerateArray().ToArray());
        Assert.Equal(TestKeys.LastFour(Fake.GroupKey), n.GetProperty("sendToKey").GetString());
        Assert.Equal("user key is " + TestKeys.LastFour(Fake.UserKey), n.GetProperty("message").GetString());
        Assert.Equal("api", n.GetProperty("source").GetString());
        Assert.Equal("key=" + TestKeys.LastFour(Fake.UserKey), n.GetProperty("headers").GetProperty("X-Leak").GetString());
        // In-process captures keep the raw values so client tests can detect leaks.
        Assert.Equal("key=" + Fake.UserKey, Assert.Single(sandbox.Notifications).Headers["X-Leak"]);
    }

    [Fact]
    public async Task Delete_notifications_clears_captures()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        (await client.SendToGroupAsync()).Dispose();

        using var delete = await client.DeleteAsync("/sandbox/notifications");
        var after = await (await client.GetAsync("/sandbox/notifications")).JsonAsync();

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(0, after.GetArrayLength());
        Assert.Empty(sandbox.Notifications);
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task Requests_are_listed_with_status_fault_and_no_keys()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        sandbox.Faults.FailNext(1);
        (await client.SendToGroupAsync()).Dispose();
        (await client.PostJsonAsync($"/api/v1/webhooks/incoming/{Fake.WebhookToken}", """{"message":"hook"}""")).Dispose();

        using var response = await client.GetAsync("/sandbox/requests");
        var text = await response.Content.ReadAsStringAsync();

        Assert.All(AllKeys, key => Assert.DoesNotContain(key, text, StringComparison.Ordinal));
        var requests = JsonDocument.Parse(text).RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal((500, "error"), (requests[0].GetProperty("statusCode").GetInt32(), requests[0].GetProperty("fault").GetString()));
        Assert.Equal(TestKeys.LastFour(Fake.UserKey), requests[0].GetProperty("apiKeyLastFour").GetString());
        Assert.Equal("/api/v1/webhooks/incoming/" + TestKeys.LastFour(Fake.WebhookToken), requests[1].GetProperty("path").GetString());
        Assert.Equal(200, requests[1].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Post_faults_error_with_status_and_count()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var added = await client.PostJsonAsync("/sandbox/faults", """{"kind":"error","count":2,"status":502}""");
        var pending = (await added.JsonAsync()).GetProperty("pending");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(("error", 2, 502), (pending[0].GetProperty("kind").GetString(), pending[0].GetProperty("remaining").GetInt32(), pending[0].GetProperty("status").GetInt32()));
        using var first = await client.SendToGroupAsync();
        using var second = await client.SendToGroupAsync();
        using var third = await client.SendToGroupAsync();
        Assert.Equal([HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.OK], new[] { first.StatusCode, second.StatusCode, third.StatusCode });
    }

    [Fact]
    public async Task Post_faults_rate_limit_delay_and_drop()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        (await client.PostJsonAsync("/sandbox/faults", """{"kind":"rate_limit","retryAfterSeconds":7}""")).Dispose();
        (await client.PostJsonAsync("/sandbox/faults", """{"kind":"delay","delayMs":1500}""")).Dispose();
        (await client.PostJsonAsync("/sandbox/faults", """{"kind":"drop","count":3}""")).Dispose();

        var pending = sandbox.Faults.Pending;
        Assert.Equal([SandboxFaultKind.RateLimit, SandboxFaultKind.Delay, SandboxFaultKind.Drop], pending.Select(f => f.Kind));
        Assert.Equal(TimeSpan.FromSeconds(7), pending[0].RetryAfter);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), pending[1].Delay);
        Assert.Equal(3, pending[2].Remaining);
        using var limited = await client.SendToGroupAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData("""{"kind":"explode"}""", "kind")]
    [InlineData("""{"count":1}""", "kind")]
    [InlineData("""{"kind":"error","count":0}""", "count")]
    [InlineData("""{"kind":"error","status":200}""", "status")]
    [InlineData("""{"kind":"rate_limit","retryAfterSeconds":-1}""", "retryAfterSeconds")]
    [InlineData("""{"kind":"delay"}""", "delayMs")]
    [InlineData("""nope""", "body")]
    public async Task Post_faults_rejects_bad_input_naming_the_field(string body, string field)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.PostJsonAsync("/sandbox/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.JsonAsync()).GetProperty("field").GetString());
        Assert.Empty(sandbox.Faults.Pending);
    }

    [Fact]
    public async Task Delete_faults_clears_pending_faults()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        sandbox.Faults.FailNext(3);

        using var response = await client.DeleteAsync("/sandbox/faults");
        using var send = await client.SendToGroupAsync();

        Assert.Equal(0, (await response.JsonAsync()).GetProperty("pending").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
    }
}
