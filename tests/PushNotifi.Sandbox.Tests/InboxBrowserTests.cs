using System.Text.Json;
using Microsoft.Playwright;

namespace PushNotifi.Sandbox.Tests;

/// <summary>The inbox in a real browser: alerts arrive live and a tap is the person's answer.</summary>
public sealed class InboxBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string[] AllKeys = [Fake.UserKey, Fake.GroupKey, Fake.ApplicationKey, Fake.WebhookToken];

    [Fact]
    public async Task Approve_tapped_on_the_page_is_the_answer_the_runtime_client_awaits()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        var runtime = new PushNotifiClient(new PushNotifiOptions
        {
            UserKey = Fake.UserKey,
            GroupKey = Fake.GroupKey,
            ApiBaseUrl = sandbox.BaseUrl,
        });
        var page = await OpenInboxAsync(sandbox);

        var alertId = await http.SendAlertAsync("approve_deny", message: "Deploy v42 to production?");
        var answer = runtime.AwaitAckAsync(alertId, TimeSpan.FromSeconds(60));
        var card = page.Locator($"[data-alert-id=\"{alertId}\"]");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("message")).ToHaveTextAsync("Deploy v42 to production?");
        await card.GetByTestId("comment").FillAsync("after the 10:00 standup");
        await ScreenshotIfAskedAsync(page);
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        var result = await answer;
        Assert.True(result.Acked);
        Assert.True(result.IsAffirmative);
        Assert.Equal(("Approve", "after the 10:00 standup", "sandbox-web"), (result.Response, result.Comment, result.AckedByDeviceId));
        var status = await (await http.GetAsync($"/api/v1/alerts/{alertId}/status")).JsonAsync();
        Assert.True(status.GetProperty("acked").GetBoolean());
        Assert.Equal(("Approve", "after the 10:00 standup", "sandbox-web"), (
            status.GetProperty("response").GetString(), status.GetProperty("comment").GetString(), status.GetProperty("acked_by_device_id").GetString()));
        await Assertions.Expect(card.GetByTestId("ack-status")).ToContainTextAsync("Approve");
        await Assertions.Expect(card.GetByTestId("ack-status")).ToContainTextAsync("sandbox-web");
        await Assertions.Expect(card.GetByTestId("ack-comment")).ToHaveTextAsync("after the 10:00 standup");
        await Assertions.Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Freetext_reply_typed_on_the_page_is_recorded()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        var page = await OpenInboxAsync(sandbox);

        var alertId = await http.SendAlertAsync("freetext", message: "Which version should we roll back to?");
        var card = page.Locator($"[data-alert-id=\"{alertId}\"]");
        await card.GetByTestId("reply").FillAsync("v41, then page me");
        await card.GetByTestId("send-reply").ClickAsync();

        await Assertions.Expect(card.GetByTestId("ack-status")).ToContainTextAsync("v41, then page me");
        var status = await (await http.GetAsync($"/api/v1/alerts/{alertId}/status")).JsonAsync();
        Assert.Equal(("v41, then page me", "sandbox-web"), (status.GetProperty("response").GetString(), status.GetProperty("acked_by_device_id").GetString()));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("comment").ValueKind);
    }

    [Fact]
    public async Task An_ack_from_elsewhere_removes_the_buttons_live()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        var page = await OpenInboxAsync(sandbox);
        var alertId = await http.SendAlertAsync("yes_no");
        var card = page.Locator($"[data-alert-id=\"{alertId}\"]");
        await Assertions.Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(2);

        (await http.AckAsync(alertId, """{"device_id":"phone-7","response":"No"}""")).Dispose();

        await Assertions.Expect(card.GetByTestId("ack-status")).ToContainTextAsync("phone-7");
        await Assertions.Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Page_shows_keys_only_as_last_four_and_user_text_as_text()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        (await http.PostJsonAsync("/api/v1/message",
            $$"""{"send_to_key":"{{Fake.GroupKey}}","title":"<img src=x onerror=document.title='owned'>","message":"key {{Fake.UserKey}} and {{Fake.WebhookToken}}","application_key":"{{Fake.ApplicationKey}}"}""")).Dispose();
        var page = await OpenInboxAsync(sandbox);
        await http.SendAlertAsync("yes_no", message: "<b>bold?</b>");

        await Assertions.Expect(page.GetByTestId("notification")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByText("<b>bold?</b>")).ToBeVisibleAsync();
        var html = await page.ContentAsync();
        var text = await page.Locator("body").InnerTextAsync();

        Assert.All(AllKeys, key => Assert.DoesNotContain(key, html, StringComparison.Ordinal));
        Assert.All(AllKeys, key => Assert.DoesNotContain(key, text, StringComparison.Ordinal));
        Assert.Contains($"key {TestKeys.LastFour(Fake.UserKey)} and {TestKeys.LastFour(Fake.WebhookToken)}", text, StringComparison.Ordinal);
        Assert.Contains("group " + TestKeys.LastFour(Fake.GroupKey), text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#inbox img, #inbox b").CountAsync());
        Assert.Equal("PushNotifi sandbox", await page.TitleAsync());
    }

    [Fact]
    public async Task Keys_made_and_revoked_through_the_api_show_in_the_key_list_live()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        var page = await OpenInboxAsync(sandbox);
        await Assertions.Expect(page.GetByTestId("key")).ToHaveCountAsync(1);

        var (id, key) = await ApiKeyTests.CreateAsync(http, "deploy bot", "send");
        var row = page.Locator($"[data-testid=\"key\"][data-id=\"{id}\"]");
        await Assertions.Expect(row).ToContainTextAsync("deploy bot");
        await Assertions.Expect(row).ToContainTextAsync("…" + key[^4..]);
        await Assertions.Expect(row).ToContainTextAsync("active");
        (await http.DeleteAsync($"/api/v1/api-keys/{id}")).Dispose();

        await Assertions.Expect(row).ToContainTextAsync("revoked");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_loads_only_the_latest_page_and_pages_back_with_Older()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        for (var i = 1; i <= 120; i++)
        {
            (await http.SendToGroupAsync($"send {i}")).Dispose();
        }

        var page = await OpenInboxAsync(sandbox);
        var cards = page.GetByTestId("notification");
        await Assertions.Expect(cards).ToHaveCountAsync(50);
        await Assertions.Expect(cards.First).ToHaveAttributeAsync("data-id", "n_120");
        await Assertions.Expect(cards.Last).ToHaveAttributeAsync("data-id", "n_71");

        await page.GetByTestId("older").ClickAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(100);
        await Assertions.Expect(cards.Last).ToHaveAttributeAsync("data-id", "n_21");
        await page.GetByTestId("older").ClickAsync();
        await Assertions.Expect(cards).ToHaveCountAsync(120);
        await Assertions.Expect(cards.Last).ToHaveAttributeAsync("data-id", "n_1");
        await Assertions.Expect(page.GetByTestId("older")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_burst_cut_short_on_the_stream_makes_the_page_read_its_latest_page_once_it_is_over()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        for (var i = 1; i <= 60; i++)
        {
            (await http.SendToGroupAsync($"send {i}")).Dispose();
        }

        var page = await OpenInboxAsync(sandbox);
        await Assertions.Expect(page.GetByTestId("notification")).ToHaveCountAsync(50);

        // Far more cards than one batch carries, published faster than a flush interval: the stream gets a gap and
        // the latest 50. (Cards the page already shows, so only its reload can tell.)
        var stored = sandbox.State.Store.Notifications;
        for (var i = 0; i < 4 * SandboxLimits.EventBurstLength; i++)
        {
            sandbox.State.Events.Publish(new SandboxEvent(SandboxEvent.Delivered, stored[i % stored.Count]));
        }

        // The page's first load, then one more after the burst: the only way it reads the page again without a reconnect.
        await page.WaitForFunctionAsync("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/sandbox/notifications?')).length >= 2");
        await Assertions.Expect(page.GetByTestId("notification")).ToHaveCountAsync(50);
        await Assertions.Expect(page.GetByTestId("notification").First).ToHaveAttributeAsync("data-id", "n_60");
    }

    [Fact]
    public async Task A_page_whose_stream_was_closed_catches_up_from_Last_Event_ID_without_reloading()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        (await http.SendToGroupAsync("before")).Dispose();
        var page = await OpenInboxAsync(sandbox);
        await Assertions.Expect(page.GetByTestId("notification")).ToHaveCountAsync(1);
        var pageLoads = 0;
        page.Request += (_, request) => pageLoads += new Uri(request.Url).AbsolutePath == "/sandbox/notifications" ? 1 : 0;

        // The browser waits 1 s (the stream's retry) before it reconnects: these two arrive while it is away.
        sandbox.State.Events.DropAll();
        (await http.SendToGroupAsync("missed 1")).Dispose();
        (await http.SendToGroupAsync("missed 2")).Dispose();

        await Assertions.Expect(page.GetByTestId("notification")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("notification").First).ToHaveAttributeAsync("data-id", "n_3");
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        Assert.Equal(0, pageLoads);
    }

    [Fact]
    public async Task A_page_that_missed_more_than_the_replay_buffer_reloads_its_latest_page()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = Fake.Client(sandbox);
        var page = await OpenInboxAsync(sandbox);
        var pageLoads = 0;
        page.Request += (_, request) => pageLoads += new Uri(request.Url).AbsolutePath == "/sandbox/notifications" ? 1 : 0;

        sandbox.State.Events.DropAll();
        (await http.SendToGroupAsync("missed")).Dispose();
        for (var i = 0; i < SandboxLimits.EventReplayLength; i++)
        {
            sandbox.State.Events.Publish(new SandboxEvent(SandboxEvent.Handled, null, sandbox.Requests[0]));
        }

        await Assertions.Expect(page.GetByTestId("notification")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("message")).ToHaveTextAsync("missed");
        Assert.Equal(1, pageLoads);
    }

    private async Task<IPage> OpenInboxAsync(SandboxServer sandbox)
    {
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(sandbox.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        return page;
    }

    // Run by hand to look at the page: SANDBOX_SCREENSHOT=/tmp/inbox.png dotnet test --filter Approve_tapped
    private static async Task ScreenshotIfAskedAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable("SANDBOX_SCREENSHOT") is { Length: > 0 } path)
        {
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        }
    }
}
