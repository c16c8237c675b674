using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PushNotifi.Sandbox;

namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>
/// <c>pushnotifi ask</c> against a real sandbox: the test waits until the question arrives, answers it through
/// the sandbox as the phone would, and reads the CLI's exit code and output.
/// </summary>
public sealed class AskVerbTests : SandboxHost
{
    [Fact]
    public async Task An_approval_prints_the_label_on_stdout_and_exits_0()
    {
        var ask = StartAsk(Environment(), "ask", "Deploy v2 to production?", "--title", "Release", "--timeout", "30");

        var alert = await WaitForAlertAsync(ask);
        Server.Ack(alert.AlertId!, "Approve");
        var run = await ask;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Approve\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Equal(("Deploy v2 to production?", "Release", 2), (alert.Message, alert.Title, alert.Priority));
        Assert.Equal("approve_deny", alert.ResponseTemplate);
        Assert.Equal(Canary.GroupKey, alert.SendToKey);
        Assert.Contains("Waiting for an answer… ", run.Error, StringComparison.Ordinal);
        Assert.Contains("Answered Approve after ", run.Error, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_denial_prints_the_label_and_exits_6()
    {
        var ask = StartAsk(Environment(), "ask", "Deploy v2 to production?", "--timeout", "30");

        Server.Ack((await WaitForAlertAsync(ask)).AlertId!, "Deny", comment: "not on a Friday");
        var run = await ask;

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Equal("Deny\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Contains("Comment: not on a Friday", run.Error, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    [Theory]
    [InlineData("yes_no", "Yes", 0)]
    [InlineData("yes_no", "No", 6)]
    [InlineData("proceed_abort", "Proceed", 0)]
    [InlineData("proceed_abort", "Abort", 6)]
    [InlineData("confirm_cancel", "Confirm", 0)]
    [InlineData("confirm_cancel", "Cancel", 6)]
    [InlineData("ack", null, 0)]
    public async Task Each_template_sends_its_wire_name_and_maps_its_labels_to_yes_or_no(string template, string? response, int exitCode)
    {
        var ask = StartAsk(Environment(), "ask", "Rotate the keys?", "--template", template, "--timeout", "30");

        var alert = await WaitForAlertAsync(ask);
        Server.Ack(alert.AlertId!, response);
        var run = await ask;

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Equal(template, alert.ResponseTemplate);
        Assert.Equal((response ?? "Acknowledge") + "\n", run.Output.ReplaceLineEndings("\n"));
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_freetext_reply_is_an_answer_printed_on_stdout_with_exit_0()
    {
        var ask = StartAsk(Environment(), "ask", "Which build should go out?", "--template", "freetext", "--timeout", "30");

        var alert = await WaitForAlertAsync(ask);
        Server.Ack(alert.AlertId!, "build 4711, not 4712");
        var run = await ask;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("freetext", alert.ResponseTemplate);
        Assert.Equal("build 4711, not 4712\n", run.Output.ReplaceLineEndings("\n"));
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task No_answer_before_the_timeout_exits_7_and_prints_nothing_on_stdout()
    {
        var run = await RunAsync(Environment(), "ask", "Deploy v2 to production?", "--timeout", "1");

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains("No answer within 1s.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Waiting for an answer… 0s / 1s", run.Error, StringComparison.Ordinal);
        Assert.False(Assert.Single(Server.Notifications).Acked);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task Json_prints_the_whole_result_in_snake_case_and_keeps_the_exit_code()
    {
        var ask = StartAsk(Environment(), "ask", "Deploy v2 to production?", "--json", "--timeout", "30");

        var alert = await WaitForAlertAsync(ask);
        Server.Ack(alert.AlertId!, "Deny", comment: "after the freeze", deviceId: "phone-7");
        var run = await ask;

        Assert.True(run.ExitCode == 6, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal(
            ["alert_id", "acked", "timed_out", "response", "comment", "acked_at", "acked_by_device_id", "affirmative", "elapsed_seconds"],
            root.EnumerateObject().Select(property => property.Name).ToArray());
        Assert.Equal(alert.AlertId, root.GetProperty("alert_id").GetString());
        Assert.True(root.GetProperty("acked").GetBoolean());
        Assert.False(root.GetProperty("timed_out").GetBoolean());
        Assert.Equal("Deny", root.GetProperty("response").GetString());
        Assert.Equal("after the freeze", root.GetProperty("comment").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("acked_at").ValueKind);
        Assert.Equal("phone-7", root.GetProperty("acked_by_device_id").GetString());
        Assert.False(root.GetProperty("affirmative").GetBoolean());
        Assert.True(root.GetProperty("elapsed_seconds").GetDouble() >= 0);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task Json_after_a_timeout_says_timed_out_with_null_answer_fields()
    {
        var run = await RunAsync(Environment(), "ask", "Deploy?", "--json", "--timeout", "1");

        Assert.True(run.ExitCode == 7, run.ToString());
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.True(root.GetProperty("timed_out").GetBoolean());
        Assert.False(root.GetProperty("acked").GetBoolean());
        Assert.False(root.GetProperty("affirmative").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("response").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("acked_at").ValueKind);
        Canary.AssertAbsent(run);
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "3601")]
    [InlineData("--timeout", "-5")]
    [InlineData("--timeout", "soon")]
    [InlineData("--template", "thumbs_up")]
    public async Task A_bad_timeout_or_template_is_a_usage_error_naming_the_option(string option, string value)
    {
        var run = await RunAsync(Environment(), "ask", "Deploy?", option, value);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task The_timeout_error_names_the_allowed_range()
    {
        var run = await RunAsync(Environment(), "ask", "Deploy?", "--timeout", "7200");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--timeout must be whole seconds, 1..3600 (got '7200').", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_question_is_required()
    {
        var run = await RunAsync(Environment(), "ask", "--timeout", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Required argument missing for command: 'ask'", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData("PUSHNOTIFI_USER_KEY")]
    [InlineData("PUSHNOTIFI_GROUP_KEY")]
    public async Task A_missing_key_is_named_and_nothing_is_asked(string missing)
    {
        var run = await RunAsync(Environment((missing, null), ("PUSHNOTIFI_WEBHOOK_TOKEN", Canary.WebhookToken)), "ask", "Deploy?");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Missing {missing}.", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_refused_question_exits_1_with_the_status()
    {
        Server.Faults.FailNext(1, 401);

        var run = await RunAsync(Environment(), "ask", "Deploy?", "--timeout", "5");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Ask failed: HTTP 401.", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Notifications);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_refused_status_read_ends_the_wait_with_exit_1()
    {
        var ask = StartAsk(Environment(), "ask", "Deploy?", "--timeout", "30");

        await WaitForAlertAsync(ask);
        Server.Faults.FailNext(1, 401);
        var run = await ask;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Waiting for the answer failed: HTTP 401.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task Transient_failures_while_waiting_are_waited_out()
    {
        var ask = StartAsk(Environment(), "ask", "Deploy?", "--timeout", "30");

        var alert = await WaitForAlertAsync(ask);
        Server.Faults.FailNext(2, 503);
        Server.Ack(alert.AlertId!, "Approve");
        var run = await ask;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Approve\n", run.Output.ReplaceLineEndings("\n"));
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_network_failure_exits_3_after_the_retries_and_names_the_base_url()
    {
        var closed = ClosedPortUrl();

        // The question carries an idempotency key, so the client retries it; the fake clock skips the pauses (5, 10, 20 s).
        var clock = new FakeTimeProvider();
        var running = Cli.RunAsync(Folder, Environment(("PUSHNOTIFI_API_BASE_URL", closed)), ["ask", "Deploy?", "--timeout", "5"], null, clock, CancellationToken.None);
        await FakeClock.AdvanceUntilDoneAsync(clock, running, TimeSpan.FromSeconds(5));
        var run = await running;

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"Could not reach {closed}.", run.Error, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task Cancelling_stops_the_wait_with_exit_130_and_no_answer()
    {
        using var stop = new CancellationTokenSource();
        var ask = Task.Run(() => Cli.RunAsync(Folder, Environment(), ["ask", "Deploy?", "--timeout", "60"], null, null, stop.Token));

        await WaitForAlertAsync(ask);
        await stop.CancelAsync();
        var run = await ask.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains("Stopped waiting", run.Error, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    private Task<CliRun> StartAsk(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Task.Run(() => RunAsync(environment, args));

    /// <summary>The question once the sandbox has delivered it; fails early if the CLI already exited.</summary>
    private async Task<CapturedNotification> WaitForAlertAsync(Task<CliRun> ask)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!timeout.IsCancellationRequested)
        {
            if (Server.Notifications.FirstOrDefault(notification => notification.AlertId is not null) is { } alert)
            {
                return alert;
            }

            if (ask.IsCompleted)
            {
                Assert.Fail("ask exited before the question arrived: " + (await ask));
            }

            await Task.Delay(20, CancellationToken.None);
        }

        throw new TimeoutException("The sandbox never received the question.");
    }
}
