using System.Globalization;

namespace PushNotifi.Tests.Kit;

/// <summary>The test kit's one child-process starter keeps a test's children isolated and bounded.</summary>
[Collection(ProcessEnvironmentGroup.Name)]
public sealed class TestProcessTests
{
    [Fact]
    public async Task A_child_sees_no_PUSHNOTIFI_variable_of_the_test_process_but_sees_the_ones_the_test_gives()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Uses the POSIX `env` command.");
        const string Inherited = "PUSHNOTIFI_KIT_PROBE_INHERITED";
        Environment.SetEnvironmentVariable(Inherited, "leaked");
        try
        {
            var run = await TestProcess.RunAsync(
                "env",
                [],
                Environment.CurrentDirectory,
                new Dictionary<string, string?> { ["PUSHNOTIFI_KIT_PROBE_GIVEN"] = "given" },
                cancellationToken: TestContext.Current.CancellationToken);

            run.EnsureSuccess();
            Assert.DoesNotContain(Inherited, run.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("PUSHNOTIFI_KIT_PROBE_GIVEN=given", run.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Inherited, null);
        }
    }

    [Fact]
    public async Task A_child_that_reads_stdin_gets_end_of_file_instead_of_waiting_for_a_keyboard()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Uses the POSIX `cat` command.");

        // The bound only stops a child that waits for input from hanging the test.
        var run = await TestProcess.RunAsync("cat", [], Environment.CurrentDirectory, timeout: TimeSpan.FromMinutes(2), cancellationToken: TestContext.Current.CancellationToken);

        run.EnsureSuccess();
        Assert.Equal(string.Empty, run.StandardOutput);
    }

    [Fact]
    public async Task A_timeout_kills_the_whole_tree_and_says_what_timed_out_with_its_output()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Uses a POSIX shell, `sleep` and /proc.");
        await using var child = TestProcess.Start("sh", ["-c", "sleep 600 & echo grandchild=$!; wait"]);
        while (!child.Output.Contains("grandchild=", StringComparison.Ordinal) && !child.HasExited)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var grandchild = int.Parse(child.Output.Split('=')[1].Trim(), CultureInfo.InvariantCulture);
        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => child.WaitForExitAsync(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken));

        Assert.Contains("sh -c sleep 600", timedOut.Message, StringComparison.Ordinal);
        Assert.Contains("grandchild=" + grandchild, timedOut.Message, StringComparison.Ordinal);
        Assert.True(child.HasExited);

        // SIGKILL lands asynchronously; the bound only keeps a surviving grandchild from hanging the test.
        for (var i = 0; i < 500 && IsRunning(grandchild); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.False(IsRunning(grandchild), $"the grandchild {grandchild} outlived the timeout");
    }

    // A killed process whose parent died is a zombie until init reaps it: gone, though its /proc entry lingers.
    private static bool IsRunning(int id)
    {
        var stat = $"/proc/{id}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
