namespace PushNotifi.Sandbox.Tests;

public class HtmlPageTests
{
    [Fact]
    public async Task Page_lists_captures_html_encoded_with_keys_as_last_four()
    {
        await using var sandbox = await Fake.StartAsync();
        using var client = Fake.Client(sandbox);
        (await client.PostJsonAsync("/api/v1/message",
            $$"""{"send_to_key":"{{Fake.GroupKey}}","title":"<script>alert(1)</script>","message":"a & b <img src=x> {{Fake.UserKey}}","url":"https://x.test/?a=\"q\""}""")).Dispose();
        (await client.PostJsonAsync($"/api/v1/webhooks/incoming/{Fake.WebhookToken}", """{"message":"hooked"}""")).Dispose();

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("a &amp; b &lt;img src=x&gt; …0001", html, StringComparison.Ordinal);
        Assert.Contains("hooked", html, StringComparison.Ordinal);
        Assert.Contains("group …0001", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/webhooks/incoming/…0001", html, StringComparison.Ordinal);
        Assert.All(new[] { Fake.UserKey, Fake.GroupKey, Fake.ApplicationKey, Fake.WebhookToken },
            key => Assert.DoesNotContain(key, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_page_says_nothing_was_received()
    {
        await using var sandbox = await Fake.StartAsync();
        using var client = Fake.Client(sandbox);

        var html = await client.GetStringAsync("/");

        Assert.Contains("Nothing received yet.", html, StringComparison.Ordinal);
    }
}
