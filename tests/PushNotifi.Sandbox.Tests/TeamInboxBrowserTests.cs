using Microsoft.Playwright;

namespace PushNotifi.Sandbox.Tests;

/// <summary>One browser plays a team's phones: the inbox taps as each member, and the CLI's team approval sees it.</summary>
public sealed class TeamInboxBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Two_members_tapping_Approve_in_one_inbox_let_a_waiting_ask_require_2_exit_0()
    {
        var browser = chromium.Browser;
        SandboxOptions? used = null;
        await using var sandbox = await TestSandbox.StartAsync(o =>
        {
            o.TeamSize = 3;
            o.WithFakeKeys();
            used = o;
        });
        var members = used!.TeamMembers;
        await using var ask = TestProcess.Start(
            TestProcess.Dotnet,
            [Path.Combine(AppContext.BaseDirectory, "PushNotifi.Cli.dll"), "ask", "Deploy v2?", "--to", string.Join(',', members), "--require", "2", "--timeout", "300"],
            environment: TestSandbox.Variables(sandbox));
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(sandbox.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");

        foreach (var member in new[] { 1, 3 })
        {
            var card = page.Locator("[data-alert-id]").Filter(new() { Has = page.GetByTestId("recipient").GetByText($"member {member} ", new() { Exact = false }) });
            await Assertions.Expect(card).ToHaveCountAsync(1, new() { Timeout = 60_000 });
            await Assertions.Expect(card.GetByTestId("recipient")).ToContainTextAsync("…" + members[member - 1][^4..]);
            await page.GetByTestId("tap-as").SelectOptionAsync(member.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await card.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await Assertions.Expect(card.GetByTestId("ack-status")).ToContainTextAsync(SandboxOptions.TeamDeviceId(member));
        }

        var run = await ask.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("Approved", run.StandardOutput.Trim());
        Assert.All(members, key => Assert.DoesNotContain(key, run.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tapping_as_a_member_who_was_not_asked_is_refused_on_the_page()
    {
        var browser = chromium.Browser;
        await using var sandbox = await TestSandbox.StartAsync(o =>
        {
            o.TeamSize = 2;
            o.WithFakeKeys();
        });
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(sandbox.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        using var http = Fake.Client(sandbox);

        var alertId = await http.SendAlertAsync("approve_deny", message: "Only for the main user");
        var card = page.Locator($"[data-alert-id=\"{alertId}\"]");
        await page.GetByTestId("tap-as").SelectOptionAsync("2");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        await Assertions.Expect(card.GetByTestId("ack-error")).ToContainTextAsync("Member 2 was not asked");
        Assert.False(sandbox.Notifications.Single(n => n.AlertId == alertId).Acked);
    }
}
