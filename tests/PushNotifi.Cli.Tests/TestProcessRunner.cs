using PushNotifi.Cli.Init;

namespace PushNotifi.Cli.Tests;

/// <summary>The CLI's process seam over the test kit's <see cref="TestProcess"/>: scrubbed environment, tree killed on cancellation.</summary>
/// <param name="environment">Variables to set (or remove, when null) for the child only.</param>
internal sealed class TestProcessRunner(IReadOnlyDictionary<string, string?>? environment = null) : IProcessRunner
{
    // Only so that a stuck `dotnet` fails the test instead of hanging it.
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromMinutes(10);

    public async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var result = await TestProcess.RunAsync(fileName, arguments, workingDirectory, environment, s_hangGuard, cancellationToken);
        return new ProcessResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}
