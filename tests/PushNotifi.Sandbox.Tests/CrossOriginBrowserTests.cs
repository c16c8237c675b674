using Microsoft.Playwright;

namespace PushNotifi.Sandbox.Tests;

/// <summary>Another site's page, in a real browser, can neither show the inbox in a frame nor ack an alert.</summary>
public sealed class CrossOriginBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_inbox_in_an_iframe_on_another_origin_does_not_render()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var attacker = await OtherOrigin.StartAsync(
            $"""<!DOCTYPE html><title>attacker</title><iframe id="inbox" src="{sandbox.BaseUrl}/" onload="document.title='framed'"></iframe>""");
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var inboxResponse = page.WaitForResponseAsync(sandbox.BaseUrl + "/");
        await page.GotoAsync(attacker.BaseUrl + "/");
        var served = await inboxResponse;
        await Assertions.Expect(page).ToHaveTitleAsync("framed");

        // The browser fetched the inbox, then refused to show it: the frame holds none of the page.
        Assert.Equal(200, served.Status);
        var frame = Assert.Single(page.Frames, f => f != page.MainFrame);
        Assert.NotEqual(sandbox.BaseUrl + "/", frame.Url);
        Assert.Equal(0, await frame.Locator("[data-testid=connection]").CountAsync());
        Assert.Equal(0, await page.FrameLocator("#inbox").GetByText("PushNotifi sandbox").CountAsync());
    }

    [Fact]
    public async Task A_form_posted_from_another_origin_cannot_ack()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        var alertId = await owner.SendAlertAsync();
        // The form a cross-site page can send without asking: text/plain, an empty body.
        await using var attacker = await OtherOrigin.StartAsync(
            $"""<!DOCTYPE html><form id="f" method="post" enctype="text/plain" action="{sandbox.BaseUrl}/sandbox/alerts/{alertId}/ack"></form>""");
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(attacker.BaseUrl + "/");

        var answer = page.WaitForResponseAsync($"{sandbox.BaseUrl}/sandbox/alerts/{alertId}/ack");
        await page.EvaluateAsync("document.getElementById('f').submit()");

        Assert.Equal(403, (await answer).Status);
        Assert.False(sandbox.FindAlert(alertId)!.Acked);
    }

    [Fact]
    public async Task A_fetch_from_another_origin_cannot_ack()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        var alertId = await owner.SendAlertAsync();
        await using var attacker = await OtherOrigin.StartAsync("<!DOCTYPE html><title>attacker</title>");
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(attacker.BaseUrl + "/");

        // A simple request (no preflight): the browser sends it and only hides the answer from the page.
        var answer = page.WaitForResponseAsync($"{sandbox.BaseUrl}/sandbox/alerts/{alertId}/ack");
        await page.EvaluateAsync(
            "url => fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' } })",
            $"{sandbox.BaseUrl}/sandbox/alerts/{alertId}/ack");

        Assert.Equal(403, (await answer).Status);
        Assert.False(sandbox.FindAlert(alertId)!.Acked);
    }
}
