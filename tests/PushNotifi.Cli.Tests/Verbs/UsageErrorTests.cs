namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>A usage error prints its message and the help on stderr and exits 2: stdout carries only the answer.</summary>
public sealed class UsageErrorTests
{
    public static TheoryData<string[], string> UsageErrors => new()
    {
        { [], "Required command was not provided" },
        { ["frobnicate"], "frobnicate" },
        { ["init", "--mcp", "emacs"], "emacs" },
        { ["init", "--no-such-option"], "--no-such-option" },
        { ["test", "extra"], "extra" },
        { ["send", "--title", "Deploy"], "--message" },
        { ["send", "--title", "Deploy", "--message", "done", "--priority", "9"], "--priority" },
        { ["send", "--title", "Deploy", "--message", "done", "--via", "pigeon"], "pigeon" },
        { ["ask", "--timeout", "0", "Deploy?"], "--timeout must be whole seconds" }, // what `answer=$(pushnotifi ask …)` would capture
        { ["ask", "--template", "maybe", "Deploy?"], "maybe" },
        { ["ask"], "question" },
        { ["sandbox", "--port", "70000"], "--port must be a whole number between 0 and 65535 (got '70000')" },
        { ["sandbox", "--port", "abc"], "--port must be a whole number between 0 and 65535 (got 'abc')" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task A_usage_error_goes_to_stderr_with_the_help_and_leaves_stdout_empty(string[] args, string named)
    {
        var run = await Cli.RunAsync(Path.GetTempPath(), null, null, default, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.True(run.Output.Length == 0, run.ToString());
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("ask", "--help")]
    [InlineData("sandbox", "-h")]
    public async Task Help_asked_for_goes_to_stdout_and_exits_0(params string[] args)
    {
        var run = await Cli.RunAsync(Path.GetTempPath(), null, null, default, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }
}
