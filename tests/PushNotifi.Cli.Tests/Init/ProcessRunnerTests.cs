using PushNotifi.Cli.Init;

namespace PushNotifi.Cli.Tests.Init;

/// <summary>The product's process runner (init's <c>dotnet</c> calls), over the shared <c>ChildProcess</c>.</summary>
public sealed class ProcessRunnerTests : IDisposable
{
    // Only so that a regression fails the test instead of hanging it; nothing here measures time.
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromMinutes(2);

    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_finished_command_reports_its_exit_code_and_output()
    {
        using var guard = Guard();

        var result = await new ProcessRunner().RunAsync("dotnet", ["--version"], folder.Path, guard.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_child_that_reads_stdin_gets_end_of_input_instead_of_waiting_for_a_keyboard()
    {
        using var guard = Guard();

        var result = await new ProcessRunner().RunAsync("cat", [], folder.Path, guard.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public async Task Cancelling_stops_the_child_and_is_a_cancellation_not_a_timeout()
    {
        using var cancel = new CancellationTokenSource();

        var run = new ProcessRunner().RunAsync("sleep", ["600"], folder.Path, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(s_hangGuard, TestContext.Current.CancellationToken));
    }

    private static CancellationTokenSource Guard()
    {
        var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(s_hangGuard);
        return guard;
    }
}
