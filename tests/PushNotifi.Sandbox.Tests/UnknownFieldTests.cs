using System.Net;

namespace PushNotifi.Sandbox.Tests;

/// <summary>Every JSON body refuses a field it does not know, naming it and the field it was probably meant to be.</summary>
public class UnknownFieldTests
{
    [Fact]
    public async Task Key_creation_refuses_a_mistyped_scope_naming_it_and_creates_no_key()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = Fake.Client(sandbox);

        using var response = await admin.PostJsonAsync("/api/v1/api-keys", """{"label":"ci","scopes":"full"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal(("invalid_request", "scopes"), (error.GetProperty("error").GetString(), error.GetProperty("field").GetString()));
        Assert.Contains("did you mean 'scope'?", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await ApiKeyTests.ListAsync(admin)).GetProperty("active").GetInt32());
    }

    [Fact]
    public async Task Key_creation_still_takes_no_body_and_a_known_scope()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = Fake.Client(sandbox);

        using var bare = await admin.PostAsync("/api/v1/api-keys", null);
        using var full = await admin.PostJsonAsync("/api/v1/api-keys", """{"label":"ops","scope":"full"}""");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (bare.StatusCode, full.StatusCode));
        Assert.Equal("send", (await bare.JsonAsync()).GetProperty("api_key").GetProperty("scope").GetString());
        Assert.Equal("full", (await full.JsonAsync()).GetProperty("api_key").GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("""{"kind":"error","cout":2}""", "cout", "count")]
    [InlineData("""{"kind":"delay","delay_ms":50}""", "delay_ms", "delayMs")]
    [InlineData("""{"Kind":"drop"}""", "Kind", "kind")]
    public async Task A_fault_with_an_unknown_field_is_refused_naming_it_and_queues_nothing(string body, string field, string meant)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox, apiKey: null);

        using var response = await client.PostJsonAsync("/sandbox/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Contains($"did you mean '{meant}'?", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Faults.Pending);
    }

    [Fact]
    public async Task An_unknown_field_nothing_resembles_lists_the_known_ones()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.PostJsonAsync("/api/v1/message", $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"hi","colour":"red"}""");

        var error = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("colour", error.GetProperty("field").GetString());
        Assert.Contains("Known fields: type, send_to_key, message", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
