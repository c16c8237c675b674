using Microsoft.Playwright;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// The inbox's request log and key list in a real browser: a send's row comes with its card in one event, and requests
/// do not make every open tab reload the key list each time.
/// </summary>
public sealed class InboxRequestLogBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_send_shows_its_card_and_its_request_row_and_a_refused_request_its_row_only()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        var page = await OpenInboxAsync(sandbox, pausedClock: false);

        (await http.SendToGroupAsync("one event")).Dispose();
        (await http.PostJsonAsync("/api/v1/message", """{"message":"no recipient"}""")).Dispose();

        var rows = page.Locator("#requests tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("POST /api/v1/message");
        await Assertions.Expect(rows.Nth(1).Locator(".status-ok")).ToHaveTextAsync("200");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("…" + Fake.UserKey[^4..]);
        await Assertions.Expect(rows.Nth(0).Locator(".status-bad")).ToHaveTextAsync("400");
        await Assertions.Expect(page.GetByTestId("notification")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("message")).ToHaveTextAsync("one event");
    }

    [Fact]
    public async Task Requests_refresh_the_key_lists_last_use_once_per_interval_not_once_each()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        var page = await OpenInboxAsync(sandbox, pausedClock: true);
        var keyLoads = 0;
        page.Request += (_, request) => keyLoads += new Uri(request.Url).AbsolutePath == "/sandbox/keys" ? 1 : 0;
        var key = page.GetByTestId("key");
        await Assertions.Expect(key).ToContainTextAsync("never");

        for (var i = 0; i < 20; i++)
        {
            (await http.SendToGroupAsync($"send {i}")).Dispose();
        }

        await Assertions.Expect(page.Locator("#requests tbody tr")).ToHaveCountAsync(20);
        Assert.Equal(0, keyLoads);

        // The page's clock stands still: the one reload waiting for the interval goes now.
        await page.Clock.FastForwardAsync("00:11");

        await Assertions.Expect(key).Not.ToContainTextAsync("never");
        Assert.Equal(1, keyLoads);
    }

    private async Task<IPage> OpenInboxAsync(SandboxServer sandbox, bool pausedClock)
    {
        var context = await chromium.Browser.NewContextAsync();
        if (pausedClock)
        {
            await context.Clock.InstallAsync();
        }

        var page = await context.NewPageAsync();
        if (pausedClock)
        {
            await page.Clock.PauseAtAsync(DateTime.UtcNow.AddMinutes(1));
        }

        await page.GotoAsync(sandbox.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        return page;
    }
}
