using PushNotifi.Cli.Commands;

namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>How <c>ask</c> shows its wait on stderr: one redrawn line on a terminal, sparse lines in logs.</summary>
public sealed class AskWaitDisplayTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    [Fact]
    public void The_line_shows_whole_seconds_waited_out_of_the_timeout()
    {
        Assert.Equal("Waiting for an answer… 12s / 300s", AskWaitDisplay.Line(TimeSpan.FromSeconds(12.9), Timeout, problem: null));
    }

    [Fact]
    public void On_a_terminal_each_line_overwrites_the_last_and_finish_clears_it()
    {
        using var error = new StringWriter();
        var display = new AskWaitDisplay(error, terminal: true, Timeout, Redactor.Default);

        display.Show(TimeSpan.FromSeconds(1));
        display.Show(TimeSpan.FromSeconds(2));
        display.Finish();

        var line = "Waiting for an answer… 2s / 300s";
        Assert.Equal($"\rWaiting for an answer… 1s / 300s\r{line}\r{new string(' ', line.Length)}\r", error.ToString());
        Assert.Equal(TimeSpan.FromSeconds(1), display.Interval);
    }

    [Fact]
    public void Outside_a_terminal_it_writes_whole_lines_every_ten_seconds()
    {
        using var error = new StringWriter();
        var display = new AskWaitDisplay(error, terminal: false, Timeout, Redactor.Default);

        display.Show(TimeSpan.Zero);
        display.Finish();

        Assert.Equal("Waiting for an answer… 0s / 300s\n", error.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(TimeSpan.FromSeconds(10), display.Interval);
    }

    [Fact]
    public void A_transient_problem_is_shown_until_a_poll_succeeds_and_a_shorter_line_pads_over_it()
    {
        using var error = new StringWriter();
        var display = new AskWaitDisplay(error, terminal: true, Timeout, Redactor.Default);

        display.Report(new PushNotifiAckProgress("al_1", TimeSpan.FromSeconds(3), Timeout, 3, TimeSpan.FromSeconds(1), "HTTP 503"));
        display.Show(TimeSpan.FromSeconds(3));
        var withProblem = error.ToString();
        display.Report(new PushNotifiAckProgress("al_1", TimeSpan.FromSeconds(4), Timeout, 4, TimeSpan.FromSeconds(1), null));
        display.Show(TimeSpan.FromSeconds(4));

        Assert.EndsWith("(last check: HTTP 503; still waiting)", withProblem, StringComparison.Ordinal);
        var redrawn = error.ToString()[withProblem.Length..];
        Assert.Equal(withProblem.Length, redrawn.Length);
        Assert.StartsWith("\rWaiting for an answer… 4s / 300s ", redrawn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_text_passes_the_redactor()
    {
        using var error = new StringWriter();
        var display = new AskWaitDisplay(error, terminal: false, Timeout, new Redactor([Canary.UserKey]));

        display.Report(new PushNotifiAckProgress("al_1", TimeSpan.Zero, Timeout, 1, TimeSpan.FromSeconds(1), "refused " + Canary.UserKey));
        display.Show(TimeSpan.Zero);

        Assert.DoesNotContain("CANARYcanary", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_draws_at_once_and_stops_when_cancelled()
    {
        using var error = new StringWriter();
        var display = new AskWaitDisplay(TextWriter.Synchronized(error), terminal: false, Timeout, Redactor.Default);
        using var stop = new CancellationTokenSource();

        var running = display.RunAsync(TimeProvider.System, stop.Token);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.StartsWith("Waiting for an answer… 0s / 300s", error.ToString(), StringComparison.Ordinal);
    }
}
