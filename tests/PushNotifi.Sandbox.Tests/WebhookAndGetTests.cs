using System.Net;

namespace PushNotifi.Sandbox.Tests;

public class WebhookAndGetTests
{
    [Fact]
    public async Task Webhook_with_the_token_delivers_to_the_group()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox, apiKey: null);

        using var response = await client.PostJsonAsync($"/api/v1/webhooks/incoming/{Fake.WebhookToken}", """{"title":"Deploy","message":"v1.2 is live"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Notification accepted.", (await response.JsonAsync()).GetProperty("message").GetString());
        var n = Assert.Single(sandbox.Notifications);
        Assert.Equal(("webhook", "group", Fake.GroupKey, "Deploy", "v1.2 is live"), (n.Source, n.Type, n.SendToKey, n.Title, n.Message));
        var path = Assert.Single(sandbox.Requests).Path;
        Assert.DoesNotContain(Fake.WebhookToken, path, StringComparison.Ordinal);
        Assert.EndsWith("/" + TestKeys.LastFour(Fake.WebhookToken), path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_with_a_wrong_token_is_401()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox, apiKey: null);

        using var response = await client.PostJsonAsync("/api/v1/webhooks/incoming/whFAKEtokenFORtests0000000000099", """{"message":"x"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(sandbox.Notifications);
    }

    [Theory]
    [InlineData("""{"title":"only a title"}""", "message")]
    [InlineData("""{"message":"x","priority":1}""", "priority")]
    public async Task Webhook_bad_body_is_400_naming_the_field(string body, string field)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox, apiKey: null);

        using var response = await client.PostJsonAsync($"/api/v1/webhooks/incoming/{Fake.WebhookToken}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Applications_lists_the_default_and_the_configured_one()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        var json = await (await client.GetAsync("/api/v1/applications")).JsonAsync();

        Assert.Equal("OK", json.GetProperty("message").GetString());
        var apps = json.GetProperty("applications").EnumerateArray()
            .Select(a => (a.GetProperty("application_key").GetString(), a.GetProperty("is_default").GetBoolean()))
            .ToArray();
        Assert.Equal([(SandboxOptions.DefaultApplicationKey, true), (Fake.ApplicationKey, false)], apps);
    }

    [Fact]
    public async Task Application_by_key_or_404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var known = await client.GetAsync($"/api/v1/applications/{Fake.ApplicationKey}");
        using var unknown = await client.GetAsync("/api/v1/applications/aFAKEappKEYforTESTS0000000000099");

        var app = (await known.JsonAsync()).GetProperty("application");
        Assert.Equal(Fake.ApplicationKey, app.GetProperty("application_key").GetString());
        Assert.False(string.IsNullOrEmpty(app.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not_found", (await unknown.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Groups_answers_a_bare_array_with_the_configured_group()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        var json = await (await client.GetAsync("/api/v1/groups")).JsonAsync();

        var group = Assert.Single(json.EnumerateArray().ToArray());
        Assert.Equal(Fake.GroupKey, group.GetProperty("group_key").GetString());
    }

    [Fact]
    public async Task Messages_answers_a_bare_array_of_what_was_delivered()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        (await client.PostJsonAsync("/api/v1/message", $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"m1","title":"t1","priority":2,"idempotency_key":"i1"}""")).Dispose();
        (await client.SendToGroupAsync("m2")).Dispose();

        var json = await (await client.GetAsync("/api/v1/messages")).JsonAsync();

        var messages = json.EnumerateArray().ToArray();
        Assert.Equal(2, messages.Length);
        var first = messages[0];
        Assert.Equal(("n_1", "group", "t1", "m1", 2, "i1"), (
            first.GetProperty("id").GetString(), first.GetProperty("type").GetString(), first.GetProperty("title").GetString(),
            first.GetProperty("message").GetString(), first.GetProperty("priority").GetInt32(), first.GetProperty("idempotency_key").GetString()));
        Assert.True(first.GetProperty("created_at").TryGetDateTimeOffset(out _));
        Assert.Equal("m2", messages[1].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/api/v1/applications")]
    [InlineData("/api/v1/applications/" + Fake.ApplicationKey)]
    [InlineData("/api/v1/groups")]
    [InlineData("/api/v1/messages")]
    public async Task Gets_need_the_api_key(string path)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox, apiKey: null);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
