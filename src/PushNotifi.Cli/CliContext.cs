using PushNotifi.Cli.Init;

namespace PushNotifi.Cli;

/// <summary>
/// Everything a command touches outside itself: output streams, the folder it runs in, the
/// environment and child processes. Tests run the commands in-process with their own context.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Normal output.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Errors and diagnostics.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The folder the command treats as the current directory.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Reads a process environment variable.</summary>
    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    /// <summary>Runs <c>dotnet</c> for init.</summary>
    public IProcessRunner ProcessRunner { get; init; } = new ProcessRunner();

    /// <summary>Whether <see cref="Error"/> is a terminal: <c>ask</c> then redraws one progress line instead of logging lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The clock behind the test command's idempotency key and <c>ask</c>'s wait.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The <c>dotnet</c> executable: the host that runs this tool when known, else the one on PATH.</summary>
    public string DotnetPath { get; init; } = DefaultDotnetPath();

    /// <summary>The context of a real process: the console and the process environment.</summary>
    public static CliContext ForConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        WorkingDirectory = Directory.GetCurrentDirectory(),
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };

    private static string DefaultDotnetPath()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
