using PushNotifi.Tooling;

namespace PushNotifi.Cli.Init;

/// <summary>
/// Runs <c>dotnet</c> through the product's one child-process runner (<see cref="ChildProcess"/>): stdin closed, so
/// nothing it does can wait for a keyboard, and the tree killed when the user cancels. No time limit: a slow restore
/// is the user's to stop.
/// </summary>
internal sealed class ProcessRunner : IProcessRunner
{
    public async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var result = await ChildProcess.RunAsync(fileName, arguments, workingDirectory, environment: null, Timeout.InfiniteTimeSpan, cancellationToken)
            .ConfigureAwait(false);
        return new ProcessResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
