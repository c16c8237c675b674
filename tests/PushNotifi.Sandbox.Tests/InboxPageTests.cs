namespace PushNotifi.Sandbox.Tests;

public class InboxPageTests
{
    private static readonly string[] AllKeys = [Fake.UserKey, Fake.GroupKey, Fake.ApplicationKey, Fake.WebhookToken];

    [Fact]
    public async Task Page_is_a_static_shell_with_its_own_script_and_no_data_or_keys()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        (await client.PostJsonAsync("/api/v1/message", $$"""{"send_to_key":"{{Fake.GroupKey}}","title":"<script>alert(1)</script>","message":"key {{Fake.UserKey}}"}""")).Dispose();

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/sandbox/inbox.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("Nothing received yet.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"inbox\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(1)", html, StringComparison.Ordinal);
        Assert.All(AllKeys, key => Assert.DoesNotContain(key, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Script_and_stylesheet_are_served_and_the_script_never_writes_markup()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox, apiKey: null);

        using var script = await client.GetAsync("/sandbox/inbox.js");
        using var css = await client.GetAsync("/sandbox/inbox.css");
        var code = await script.Content.ReadAsStringAsync();

        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/sandbox/events", code, StringComparison.Ordinal);
        Assert.Contains("textContent", code, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", code, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", code, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", code, StringComparison.Ordinal);
    }
}
