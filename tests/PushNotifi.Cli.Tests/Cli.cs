using PushNotifi.Cli.Init;

namespace PushNotifi.Cli.Tests;

/// <summary>Runs the real command tree in-process with captured output and a given environment only.</summary>
internal static class Cli
{
    public static Task<CliRun> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        IProcessRunner? processRunner = null,
        CancellationToken cancellationToken = default,
        params string[] args) =>
        RunAsync(workingDirectory, environment, args, processRunner, null, cancellationToken);

    public static async Task<CliRun> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        string[] args,
        IProcessRunner? processRunner,
        TimeProvider? timeProvider,
        CancellationToken cancellationToken,
        StringWriter? liveOutput = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = liveOutput ?? TextWriter.Synchronized(output),
            Error = TextWriter.Synchronized(error),
            WorkingDirectory = workingDirectory,
            GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            ProcessRunner = processRunner ?? new TestProcessRunner(ChildEnvironment),
            TimeProvider = timeProvider ?? TimeProvider.System,
        };
        var exitCode = await CliApplication.RunAsync(args, context, cancellationToken);
        return new CliRun(exitCode, liveOutput?.ToString() ?? output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, null, null, default, args);

    /// <summary>Child dotnet processes: no telemetry, no lingering build servers, not our artifacts folder.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ChildEnvironment = new Dictionary<string, string?>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1",
        ["ArtifactsPath"] = null,
    };
}
