using System.Diagnostics;

namespace PushNotifi.Testing;

/// <summary>
/// The one way tests start a child process: stdin closed unless the test talks to it, stdout and stderr captured,
/// an environment scrubbed of the parent's MSBuild, test-host and <c>PUSHNOTIFI_</c> settings (a developer's real
/// keys must never reach a test's child) except those the test gives, and the whole tree killed on a timeout or
/// when disposed.
/// </summary>
internal static class TestProcess
{
    /// <summary>The <c>dotnet</c> host the tests run under, for starting built assemblies.</summary>
    public static string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Starts a long-running child (a server, an app); the caller disposes it, which kills its tree.</summary>
    /// <param name="environment">Variables to set, or to remove when null, after scrubbing.</param>
    /// <param name="keepStandardInput">Leave stdin open (in <see cref="RunningProcess.StandardInput"/>) for a child the test writes to, or one that stops when it closes.</param>
    public static RunningProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool keepStandardInput = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Scrub(start.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
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

        return new RunningProcess(start, keepStandardInput);
    }

    /// <summary>Runs a command to completion; on <paramref name="timeout"/> kills its tree and throws <see cref="TimeoutException"/> with its output.</summary>
    public static async Task<ChildResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        await using var child = Start(fileName, arguments, workingDirectory, environment);
        return await child.WaitForExitAsync(timeout ?? TimeSpan.FromMinutes(5), cancellationToken);
    }

    private static void Scrub(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.Equals("ArtifactsPath", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("PUSHNOTIFI_", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(name);
            }
        }

        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "0";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
    }
}
