using System.Net;

namespace PushNotifi.Sandbox.Tests;

public class MessageEndpointTests
{
    [Fact]
    public async Task Accepted_send_is_captured_with_every_contract_field()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        client.DefaultRequestHeaders.Add("X-Trace", "t-1");
        var body = $$"""
            {"type":"user","send_to_key":"{{Fake.UserKey}}","message":"Backup failed","title":"nightly",
             "priority":1,"application_key":"{{Fake.ApplicationKey}}","idempotency_key":"run-42",
             "url":"https://example.test/runs/42","url_title":"Run 42","ttl":3600,
             "attachment_base64":"aGVsbG8=","attachment_type":"text/plain"}
            """;

        using var response = await client.PostJsonAsync("/api/v1/message", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal("Notification accepted.", json.GetProperty("message").GetString());
        Assert.Equal("n_1", json.GetProperty("id").GetString());
        Assert.False(json.GetProperty("duplicate").GetBoolean());

        var n = Assert.Single(sandbox.Notifications);
        Assert.Equal(("n_1", "api", "user", Fake.UserKey), (n.Id, n.Source, n.Type, n.SendToKey));
        Assert.Equal(("Backup failed", "nightly", 1), (n.Message, n.Title, n.Priority));
        Assert.Equal((Fake.ApplicationKey, "run-42"), (n.ApplicationKey, n.IdempotencyKey));
        Assert.Equal(("https://example.test/runs/42", "Run 42", 3600), (n.Url, n.UrlTitle, n.Ttl));
        Assert.Equal(("aGVsbG8=", "text/plain"), (n.AttachmentBase64, n.AttachmentType));
        Assert.Equal(body, n.RawBody);
        Assert.Equal("t-1", n.Headers["X-Trace"]);
        Assert.DoesNotContain(n.Headers.Keys, k => k.Equals("X-API-Key", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(TestKeys.LastFour(Fake.UserKey), n.ApiKeyLastFour);
    }

    [Fact]
    public async Task Type_defaults_to_group_and_unset_fields_stay_null()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.PostJsonAsync("/api/v1/message", $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"hi"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var n = Assert.Single(sandbox.Notifications);
        Assert.Equal("group", n.Type);
        Assert.Null(n.Title);
        Assert.Null(n.Priority);
        Assert.Null(n.ApplicationKey);
        Assert.Null(n.IdempotencyKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Fake.OtherUserKey)]
    [InlineData("")]
    public async Task Missing_or_wrong_api_key_is_401_and_nothing_is_delivered(string? apiKey)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox, apiKey);

        using var response = await client.SendToGroupAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await response.JsonAsync()).GetProperty("error").GetString());
        Assert.Empty(sandbox.Notifications);
        Assert.Equal(401, Assert.Single(sandbox.Requests).StatusCode);
    }

    [Theory]
    [InlineData("group", Fake.OtherGroupKey, "send_to_key")]
    [InlineData("user", Fake.OtherUserKey, "send_to_key")]
    public async Task Unknown_recipient_is_404_naming_the_field(string type, string key, string field)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.PostJsonAsync("/api/v1/message", $$"""{"type":"{{type}}","send_to_key":"{{key}}","message":"hi"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(("not_found", field), (json.GetProperty("error").GetString(), json.GetProperty("field").GetString()));
        Assert.DoesNotContain(key, json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task Group_send_is_404_when_no_group_key_is_configured()
    {
        var options = Fake.Options();
        options.GroupKey = null;
        await using var sandbox = await SandboxServer.StartAsync(options);
        using var client = Fake.Client(sandbox);

        using var response = await client.SendToGroupAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("aFAKEappKEYforTESTS0000000000099", HttpStatusCode.NotFound)]
    [InlineData(Fake.ApplicationKey, HttpStatusCode.OK)]
    [InlineData("aSANDBOXdefaultAPPLICATIONkey000", HttpStatusCode.OK)]
    public async Task Application_key_must_be_known(string applicationKey, HttpStatusCode expected)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.PostJsonAsync("/api/v1/message",
            $$"""{"type":"group","send_to_key":"{{Fake.GroupKey}}","message":"hi","application_key":"{{applicationKey}}"}""");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound)
        {
            Assert.Equal("application_key", (await response.JsonAsync()).GetProperty("field").GetString());
        }
    }

    public static TheoryData<string, string> InvalidBodies()
    {
        var g = Fake.GroupKey;
        return new()
        {
            { "not json", "body" },
            { "[1,2]", "body" },
            { "", "body" },
            { """{"type":"group","message":"hi"}""", "send_to_key" },
            { """{"type":"group","send_to_key":"gSHORT","message":"hi"}""", "send_to_key" },
            { $$"""{"type":"user","send_to_key":"{{g}}","message":"hi"}""", "send_to_key" },
            { $$"""{"type":"robot","send_to_key":"{{g}}","message":"hi"}""", "type" },
            { $$"""{"send_to_key":"{{g}}"}""", "message" },
            { $$"""{"send_to_key":"{{g}}","message":"   "}""", "message" },
            { $$"""{"send_to_key":"{{g}}","message":"{{new string('m', 1025)}}"}""", "message" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","title":"{{new string('t', 251)}}"}""", "title" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","priority":3}""", "priority" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","priority":-3}""", "priority" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","priority":"high"}""", "priority" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","priority":1.5}""", "priority" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","url":"https://x.test/{{new string('u', 500)}}"}""", "url" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","url":"https://x.test","url_title":"{{new string('u', 101)}}"}""", "url_title" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","ttl":0}""", "ttl" },
            { "{\"send_to_key\":\"gFAKEgroupKEYforTESTS0000000000-\",\"message\":\"hi\"}", "send_to_key" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","url":"not a url"}""", "url" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","idempotency_key":"{{new string('i', 129)}}"}""", "idempotency_key" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","idempotency_key":" "}""", "idempotency_key" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","attachment_base64":"","attachment_type":"image/png"}""", "attachment_base64" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","attachment_base64":"aGVsbG8=","attachment_type":"png"}""", "attachment_type" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","attachment_type":"image/png"}""", "attachment_type" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","attachment_base64":"%%%","attachment_type":"image/png"}""", "attachment_base64" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","attachment_base64":"aGVsbG8="}""", "attachment_type" },
            { $$"""{"send_to_key":"{{g}}","message":"hi","sendToKey":"x"}""", "sendToKey" },
            { $$"""{"send_to_key":"{{g}}","message":42}""", "message" },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Bad_body_is_400_naming_the_field(string body, string field)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.PostJsonAsync("/api/v1/message", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal("invalid_request", json.GetProperty("error").GetString());
        Assert.Equal(field, json.GetProperty("field").GetString());
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task Values_at_the_limits_are_accepted()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var body = $$"""
            {"send_to_key":"{{Fake.GroupKey}}","message":"{{new string('m', 1024)}}","title":"{{new string('t', 250)}}",
             "priority":-2,"url":"{{"https://x.test/" + new string('u', 512 - 15)}}","url_title":"{{new string('u', 100)}}"}
            """;

        using var response = await client.PostJsonAsync("/api/v1/message", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(512, Assert.Single(sandbox.Notifications).Url!.Length);
    }

    [Fact]
    public async Task Same_idempotency_key_delivers_once_and_says_duplicate()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var first = await client.SendToGroupAsync(idempotencyKey: "job-1");
        using var second = await client.SendToGroupAsync(idempotencyKey: "job-1");
        using var other = await client.SendToGroupAsync(idempotencyKey: "job-2");

        var firstJson = await first.JsonAsync();
        var secondJson = await second.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(secondJson.GetProperty("duplicate").GetBoolean());
        Assert.Equal(firstJson.GetProperty("id").GetString(), secondJson.GetProperty("id").GetString());
        Assert.Contains("Duplicate", secondJson.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False((await other.JsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.Equal(["job-1", "job-2"], sandbox.Notifications.Select(n => n.IdempotencyKey));
        Assert.Equal(3, sandbox.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_deliver_once()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.SendToGroupAsync(idempotencyKey: "same")));
        var duplicates = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("duplicate").GetBoolean()));

        Assert.Single(sandbox.Notifications);
        Assert.Single(duplicates, d => !d);
        Assert.Equal(16, sandbox.Requests.Count);
    }

    [Fact]
    public async Task Without_idempotency_key_every_send_is_delivered()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        (await client.SendToGroupAsync()).Dispose();
        (await client.SendToGroupAsync()).Dispose();

        Assert.Equal(["n_1", "n_2"], sandbox.Notifications.Select(n => n.Id));
    }

    [Fact]
    public async Task Clear_forgets_notifications_requests_and_idempotency_keys()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        (await client.SendToGroupAsync(idempotencyKey: "k")).Dispose();
        sandbox.Faults.FailNext(5);

        sandbox.Clear();

        Assert.Empty(sandbox.Notifications);
        Assert.Empty(sandbox.Requests);
        Assert.Empty(sandbox.Faults.Pending);
        using var again = await client.SendToGroupAsync(idempotencyKey: "k");
        Assert.False((await again.JsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.Single(sandbox.Notifications);
    }

    [Fact]
    public async Task Unknown_api_path_is_404_json()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.GetAsync("/api/v1/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.JsonAsync()).GetProperty("error").GetString());
    }
}
