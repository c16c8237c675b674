using System.Text.Json;
using PushNotifi.Sandbox;

namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>
/// <c>pushnotifi ask --to … --require N</c> against a sandbox with a team of three: the members tap through the
/// sandbox as their phones would, and the test reads the CLI's exit code, stdout and the alerts it sent.
/// </summary>
public sealed class AskTeamVerbTests : SandboxHost
{
    private IReadOnlyList<string> _members = [];

    internal override void ConfigureSandbox(SandboxOptions options)
    {
        base.ConfigureSandbox(options);
        options.TeamSize = 3;
        options.WithFakeKeys();
        _members = [.. options.TeamMembers];
    }

    private string Team => string.Join(',', _members);

    [Fact]
    public async Task Two_of_three_approving_a_require_2_ask_exits_0_and_prints_Approved()
    {
        var ask = StartAsk("ask", "Deploy v2?", "--to", Team, "--require", "2", "--timeout", "1m");

        await WaitForAlertsAsync(ask, 3);
        Server.AckAs(AlertTo(_members[0]), 1, "Approve");
        Server.AckAs(AlertTo(_members[2]), 3, "Approve");
        var run = await ask;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Approved\n", run.Output.ReplaceLineEndings("\n"));
        Assert.All(_members, key => Assert.DoesNotContain(key, run.AllText, StringComparison.Ordinal));
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_decline_exits_6_and_json_prints_the_audit_record()
    {
        var ask = StartAsk("ask", "Deploy v2?", "--to", Team, "--require", "2", "--timeout", "60", "--approval-id", "ci-run-1", "--json");

        await WaitForAlertsAsync(ask, 3);
        Server.AckAs(AlertTo(_members[1]), 2, "Deny");
        var run = await ask;

        Assert.True(run.ExitCode == 6, run.ToString());
        using var record = JsonDocument.Parse(run.Output);
        Assert.Equal("Denied", record.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("ci-run-1", record.RootElement.GetProperty("approval_id").GetString());
        var answer = Assert.Single(record.RootElement.GetProperty("answers").EnumerateArray());
        Assert.Equal(("member-2", "…" + _members[1][^4..]), (answer.GetProperty("device_id").GetString(), answer.GetProperty("target").GetString()));
        Assert.All(_members, key => Assert.DoesNotContain(key, run.AllText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nobody_approving_in_time_exits_7_with_nothing_on_stdout()
    {
        var run = await RunAsync(Environment(), "ask", "Deploy v2?", "--to", Team, "--require", "2", "--timeout", "1");

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains("Expired", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_run_with_the_same_approval_id_re_attaches_and_pages_nobody_again()
    {
        var ask = StartAsk("ask", "Deploy v2?", "--to", Team, "--approval-id", "ci-run-2", "--timeout", "60");
        await WaitForAlertsAsync(ask, 3);
        Server.AckAs(AlertTo(_members[0]), 1, "Approve");
        Assert.True((await ask).ExitCode == 0);
        var questions = Questions();

        var rerun = await RunAsync(Environment(), "ask", "Deploy v2?", "--to", Team, "--approval-id", "ci-run-2", "--timeout", "60");

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(questions, Questions());
    }

    [Theory]
    [InlineData("--then")]
    [InlineData("--escalate-after")]
    public async Task Escalation_needs_both_then_and_escalate_after(string alone)
    {
        var value = alone == "--then" ? _members[2] : "10m";

        var run = await RunAsync(Environment(), "ask", "Deploy v2?", "--to", _members[0], alone, value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.Equal(0, Questions());
    }

    private int Questions() => Server.Requests.Count(r => r.Path == "/api/v1/message" && r.Body.Contains("\"priority\":2", StringComparison.Ordinal));

    private string AlertTo(string key) => Server.Notifications.Last(n => n.SendToKey == key && n.AlertId is not null).AlertId!;

    private Task<CliRun> StartAsk(params string[] args) => Task.Run(() => RunAsync(Environment(), args));

    private async Task WaitForAlertsAsync(Task<CliRun> ask, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Server.Notifications.Count(n => n.AlertId is not null) < count && !timeout.IsCancellationRequested)
        {
            if (ask.IsCompleted)
            {
                Assert.Fail("ask exited before the questions arrived: " + await ask);
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
