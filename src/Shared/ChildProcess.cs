using System.Diagnostics;
using System.Text;

namespace PushNotifi.Tooling;

/// <summary>
/// Runs a child process non-interactively: stdin closed (a prompt fails instead of hanging), a timeout or the
/// caller's cancellation that kills the whole tree, and an environment scrubbed of the parent's MSBuild, test-host
/// and <c>PUSHNOTIFI_</c> settings so they do not leak into the builds and apps it starts. Linked as source into the
/// demo (the journey's steps) and the CLI (<c>pushnotifi init</c>'s <c>dotnet</c> calls): the one child-process
/// runner of the product code.
/// </summary>
internal static class ChildProcess
{
    private const int MaxCapturedChars = 1_000_000;

    public static async Task<ChildResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.Equals("ArtifactsPath", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("PUSHNOTIFI_", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "0";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(name);
                }
                else
                {
                    start.Environment[name] = value;
                }
            }
        }

        var command = fileName + " " + string.Join(' ', start.ArgumentList);
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);

            // The caller's cancellation stays a cancellation; only the limit is a timeout.
            cancellationToken.ThrowIfCancellationRequested();
            var timedOut = new ChildResult(command, -1, Snapshot(stdout), Snapshot(stderr), watch.Elapsed);
            throw new TimeoutException($"Timed out after {limit.TotalSeconds:0}s. {timedOut.Describe()}");
        }

        process.WaitForExit(); // flushes the asynchronous output readers
        return new ChildResult(command, process.ExitCode, Snapshot(stdout), Snapshot(stderr), watch.Elapsed);
    }

    /// <summary>Appends a line of output, up to a cap so a runaway child cannot exhaust memory.</summary>
    internal static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            if (target.Length < MaxCapturedChars)
            {
                target.AppendLine(line);
            }
        }
    }

    internal static string Snapshot(StringBuilder source)
    {
        lock (source)
        {
            return source.ToString();
        }
    }
}

/// <summary>The outcome of a finished child process.</summary>
internal sealed partial record ChildResult(string Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string Output => StandardOutput + StandardError;

    /// <summary>Everything a failure message needs: the command, its exit code and its output.</summary>
    public string Describe() =>
        $"`{Command}` exited with {ExitCode} after {Elapsed.TotalSeconds:0.0}s.\n--- stdout ---\n{Tail(StandardOutput)}\n--- stderr ---\n{Tail(StandardError)}";

    private static string Tail(string text) => text.Length > 8000 ? "…" + text[^8000..] : text;
}
