using System.Text.RegularExpressions;

namespace PushNotifi.Cli.Tests.Verbs;

/// <summary><c>pushnotifi sandbox</c> run in-process until cancelled, with the other verbs pointed at it.</summary>
public sealed partial class SandboxVerbTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Runs_until_cancelled_prints_its_url_and_the_variable_and_receives_a_test()
    {
        var keys = new Dictionary<string, string>
        {
            ["PUSHNOTIFI_USER_KEY"] = Canary.UserKey,
            ["PUSHNOTIFI_GROUP_KEY"] = Canary.GroupKey,
            ["PUSHNOTIFI_WEBHOOK_TOKEN"] = Canary.WebhookToken,
        };
        using var live = new LockedStringWriter();
        using var stop = new CancellationTokenSource();
        var sandbox = Cli.RunAsync(folder.Path, keys, ["sandbox", "--port", "0"], null, null, stop.Token, live);

        var baseUrl = await WaitForBaseUrlAsync(live, sandbox);
        Assert.Contains($"PUSHNOTIFI_API_BASE_URL={baseUrl}", live.ToString(), StringComparison.Ordinal);
        var environment = new Dictionary<string, string>(keys) { ["PUSHNOTIFI_API_BASE_URL"] = baseUrl };
        var test = await Cli.RunAsync(folder.Path, environment, ["test"], null, null, CancellationToken.None);
        var send = await Cli.RunAsync(folder.Path, environment, ["send", "--via", "webhook", "--title", "t", "--message", "m"], null, null, CancellationToken.None);
        using var http = new HttpClient();
        var captured = await http.GetStringAsync(new Uri(baseUrl + "/sandbox/notifications"));
        await stop.CancelAsync();
        var run = await sandbox;

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.True(send.ExitCode == 0, send.ToString());
        Assert.Contains("Test from dotnet", captured, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Sandbox stopped.", run.Output, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
        Canary.AssertAbsent(test);
        Canary.AssertAbsent(send);
    }

    [Fact]
    public async Task Without_keys_it_makes_up_fakes_prints_exports_and_test_works_with_them()
    {
        using var live = new LockedStringWriter();
        using var stop = new CancellationTokenSource();
        var sandbox = Cli.RunAsync(folder.Path, new Dictionary<string, string>(), ["sandbox", "--port", "0"], null, null, stop.Token, live);

        var baseUrl = await WaitForBaseUrlAsync(live, sandbox);
        await WaitForAsync(live, "Press Ctrl+C");
        var printed = live.ToString();
        var environment = new Dictionary<string, string>();
        foreach (Match export in ExportLine().Matches(printed))
        {
            environment[export.Groups["name"].Value] = export.Groups["value"].Value;
        }

        var test = await Cli.RunAsync(folder.Path, environment, ["test"], null, null, CancellationToken.None);
        await stop.CancelAsync();
        var run = await sandbox;

        Assert.Matches("^uSANDBOX[A-Za-z0-9]{24}$", environment["PUSHNOTIFI_USER_KEY"]);
        Assert.Matches("^gSANDBOX[A-Za-z0-9]{24}$", environment["PUSHNOTIFI_GROUP_KEY"]);
        Assert.StartsWith("whSANDBOX", environment["PUSHNOTIFI_WEBHOOK_TOKEN"], StringComparison.Ordinal);
        Assert.Equal(baseUrl, environment["PUSHNOTIFI_API_BASE_URL"]);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Keys_from_the_environment_win_and_are_not_printed()
    {
        var keys = new Dictionary<string, string> { ["PUSHNOTIFI_USER_KEY"] = Canary.UserKey };
        using var live = new LockedStringWriter();
        using var stop = new CancellationTokenSource();
        var sandbox = Cli.RunAsync(folder.Path, keys, ["sandbox", "--port", "0"], null, null, stop.Token, live);

        await WaitForBaseUrlAsync(live, sandbox);
        await WaitForAsync(live, "Press Ctrl+C");
        await stop.CancelAsync();
        var run = await sandbox;

        Assert.DoesNotContain("export PUSHNOTIFI_USER_KEY", run.Output, StringComparison.Ordinal);
        Assert.Contains("PUSHNOTIFI_USER_KEY from your environment", run.Output, StringComparison.Ordinal);
        Assert.Contains("export PUSHNOTIFI_GROUP_KEY=gSANDBOX", run.Output, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task With_data_a_restart_makes_up_the_same_fake_keys_and_test_still_works_with_them()
    {
        var dataFile = Path.Combine(folder.Path, "sandbox.db");
        var first = await RunOnceAsync(dataFile);
        var second = await RunOnceAsync(dataFile);

        Assert.Equal(first.Exports, second.Exports);
        Assert.Matches("^uSANDBOX[A-Za-z0-9]{24}$", second.Exports["PUSHNOTIFI_USER_KEY"]);
        Assert.True(second.Test.ExitCode == 0, second.Test.ToString());
        Assert.Contains("Keys and notifications kept in " + dataFile, second.Run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(dataFile + ".pepper"));
    }

    [Fact]
    public async Task A_corrupt_data_file_is_a_usage_error_naming_the_file_and_what_to_do()
    {
        var dataFile = Path.Combine(folder.Path, "broken.db");
        await File.WriteAllTextAsync(dataFile, "not a database at all, only some text that is long enough to be looked at");

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string>(), ["sandbox", "--port", "0", "--data", dataFile], null, null, CancellationToken.None);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(dataFile, run.Error, StringComparison.Ordinal);
        Assert.Contains("Move it away", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_range_port_is_a_usage_error()
    {
        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string>(), ["sandbox", "--port", "70000"], null, null, CancellationToken.None);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--port", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-requests")]
    [InlineData("--max-notifications")]
    public async Task A_cap_below_one_is_a_usage_error_naming_the_option(string option)
    {
        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string>(), ["sandbox", "--port", "0", option, "0"], null, null, CancellationToken.None);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option + " must be at least 1.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_team_it_makes_up_that_many_members_and_a_group_and_prints_their_keys_to_paste()
    {
        using var live = new LockedStringWriter();
        using var stop = new CancellationTokenSource();
        var sandbox = Cli.RunAsync(folder.Path, new Dictionary<string, string>(), ["sandbox", "--port", "0", "--team", "3"], null, null, stop.Token, live);

        var baseUrl = await WaitForBaseUrlAsync(live, sandbox);
        await WaitForAsync(live, "Press Ctrl+C");
        using var http = new HttpClient();
        var team = await http.GetStringAsync(new Uri(baseUrl + "/sandbox/team"));
        await stop.CancelAsync();
        var run = await sandbox;

        Assert.True(run.ExitCode == 0, run.ToString());
        var members = TeamMemberLine().Matches(run.Output);
        Assert.Equal(["1", "2", "3"], members.Select(m => m.Groups["n"].Value));
        Assert.Equal(3, members.Select(m => m.Groups["key"].Value).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("(device member-2)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"# Team group \(members 1-3\): gSANDBOXteam[A-Za-z0-9]+", run.Output);
        Assert.DoesNotContain("Team member 4", run.Output, StringComparison.Ordinal);
        Assert.Contains("member-3", team, StringComparison.Ordinal);
        Assert.DoesNotContain("member-4", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_team_no_team_is_printed()
    {
        using var live = new LockedStringWriter();
        using var stop = new CancellationTokenSource();
        var sandbox = Cli.RunAsync(folder.Path, new Dictionary<string, string>(), ["sandbox", "--port", "0"], null, null, stop.Token, live);

        await WaitForBaseUrlAsync(live, sandbox);
        await WaitForAsync(live, "Press Ctrl+C");
        await stop.CancelAsync();
        var run = await sandbox;

        Assert.DoesNotContain("# Team", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    public async Task A_team_size_outside_one_to_nine_is_a_usage_error_naming_the_option(string size)
    {
        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string>(), ["sandbox", "--port", "0", "--team", size], null, null, CancellationToken.None);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--team must be 1 to 9.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_reported_with_a_hint()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var keys = new Dictionary<string, string> { ["PUSHNOTIFI_USER_KEY"] = Canary.UserKey };

        var run = await Cli.RunAsync(folder.Path, keys, ["sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], null, null, CancellationToken.None);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Try another --port.", run.Error, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    /// <summary>Starts the sandbox on <paramref name="dataFile"/> with no keys, runs <c>test</c> with its exports, stops it.</summary>
    private async Task<(Dictionary<string, string> Exports, CliRun Test, CliRun Run)> RunOnceAsync(string dataFile)
    {
        using var live = new LockedStringWriter();
        using var stop = new CancellationTokenSource();
        var sandbox = Cli.RunAsync(folder.Path, new Dictionary<string, string>(), ["sandbox", "--port", "0", "--data", dataFile], null, null, stop.Token, live);
        var baseUrl = await WaitForBaseUrlAsync(live, sandbox);
        await WaitForAsync(live, "Press Ctrl+C");
        var exports = ExportLine().Matches(live.ToString())
            .Where(m => m.Groups["name"].Value != "PUSHNOTIFI_API_BASE_URL")
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        var environment = new Dictionary<string, string>(exports) { ["PUSHNOTIFI_API_BASE_URL"] = baseUrl };
        var test = await Cli.RunAsync(folder.Path, environment, ["test"], null, null, CancellationToken.None);
        await stop.CancelAsync();
        var run = await sandbox;
        Assert.True(run.ExitCode == 0, run.ToString());
        return (exports, test, run);
    }

    private static async Task<string> WaitForBaseUrlAsync(LockedStringWriter live, Task<CliRun> sandbox)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!timeout.IsCancellationRequested)
        {
            if (ListeningLine().Match(live.ToString()) is { Success: true } match)
            {
                return match.Groups["url"].Value;
            }

            if (sandbox.IsCompleted)
            {
                Assert.Fail("The sandbox stopped early: " + (await sandbox));
            }

            await Task.Delay(20, CancellationToken.None);
        }

        throw new TimeoutException("The sandbox never printed its URL: " + live);
    }

    private static async Task WaitForAsync(LockedStringWriter live, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!live.ToString().Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    [GeneratedRegex(@"^export (?<name>PUSHNOTIFI_[A-Z_]+)=(?<value>\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();

    [GeneratedRegex(@"# Team member (?<n>\d) \(device member-\d\): (?<key>uSANDBOXm\d[A-Za-z0-9]+)")]
    private static partial Regex TeamMemberLine();

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:\d+)\r?\n")]
    private static partial Regex ListeningLine();
}
