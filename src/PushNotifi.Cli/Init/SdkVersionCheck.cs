namespace PushNotifi.Cli.Init;

/// <summary>Checks that <c>dotnet --version</c>, run in the project folder (so global.json applies), is new enough.</summary>
internal static class SdkVersionCheck
{
    /// <summary>The oldest SDK that can build a project referencing the PushNotifi package (net10.0).</summary>
    public static readonly Version Minimum = new(10, 0, 100);

    /// <summary>Null when the SDK is new enough, otherwise the message to print.</summary>
    public static async Task<string?> CheckAsync(IProcessRunner runner, string dotnet, string directory, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(dotnet, ["--version"], directory, cancellationToken).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return $"Could not run '{dotnet} --version': {exception.Message}. {InstallHint}";
        }

        if (result.ExitCode != 0)
        {
            return $"'dotnet --version' failed with exit code {result.ExitCode}:{Environment.NewLine}{result.StandardError}{result.StandardOutput}{InstallHint}";
        }

        var reported = result.StandardOutput.Trim();
        var numeric = reported.Split('-', 2)[0];
        if (!Version.TryParse(numeric, out var version))
        {
            return $"Could not read the .NET SDK version from 'dotnet --version' (it printed '{reported}'). {InstallHint}";
        }

        return version >= Minimum
            ? null
            : $"PushNotifi needs the .NET SDK {Minimum} or later; this folder uses {reported}. {InstallHint}";
    }

    private static string InstallHint =>
        $"Install the .NET 10 SDK ({Minimum} or later) from https://dotnet.microsoft.com/download/dotnet/10.0"
        + " (and update global.json if it pins an older SDK).";
}
