namespace PushNotifi.Testing;

/// <summary>The outcome of a finished child process.</summary>
internal sealed record ChildResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string Output => StandardOutput + StandardError;

    /// <summary>Everything a failure message needs: the command, its exit code and its output.</summary>
    public string Describe() =>
        $"`{Command}` exited with {ExitCode} after {Elapsed.TotalSeconds:0.0}s.\n--- stdout ---\n{Tail(StandardOutput)}\n--- stderr ---\n{Tail(StandardError)}";

    public ChildResult EnsureSuccess()
    {
        Assert.True(ExitCode == 0, Describe());
        return this;
    }

    private static string Tail(string text) => text.Length > 8000 ? "…" + text[^8000..] : text;
}
