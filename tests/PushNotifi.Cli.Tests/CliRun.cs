namespace PushNotifi.Cli.Tests;

/// <summary>What one in-process run of the CLI returned and printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Stdout and stderr together, for "never printed anywhere" checks.</summary>
    public string AllText => Output + Error;

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Output}--- stderr ---{Environment.NewLine}{Error}";
}
