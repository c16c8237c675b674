using System.Diagnostics;
using System.Text;

namespace PushNotifi.Demo;

/// <summary>
/// Runs <c>dotnet</c> and the generated app with stdin closed (no prompt can hang the demo), a timeout, and the
/// journey's isolated NuGet folder.
/// </summary>
internal static class ChildProcess
{
    public static async Task<ChildResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
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

        // The demo's own build settings must not leak into the app it generates.
        foreach (var name in start.Environment.Keys.Where(n =>
            n.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
            || n.StartsWith("PUSHNOTIFI_", StringComparison.OrdinalIgnoreCase)
            || n.Equals("ArtifactsPath", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0} s.\n{Snapshot(output)}");
        }

        process.WaitForExit();
        return new ChildResult($"{fileName} {string.Join(' ', start.ArgumentList)}", process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
