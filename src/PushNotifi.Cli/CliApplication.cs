using System.CommandLine;
using System.CommandLine.Help;
using PushNotifi.Cli.Commands;
using PushNotifi.Cli.Init;

namespace PushNotifi.Cli;

/// <summary>Builds the <c>pushnotifi</c> command tree and runs it.</summary>
internal static class CliApplication
{
    /// <summary>Builds the root command with every verb bound to <paramref name="context"/>.</summary>
    public static Command CreateRootCommand(CliContext context)
    {
        // A plain command named "pushnotifi" (a RootCommand takes the entry assembly's name) with RootCommand's options.
        var root = new Command(
            "pushnotifi",
            "pushnotifi: set up PushNotifi in a .NET project, send a test or a scripted notification, run the local sandbox. "
            + "Settings come from PUSHNOTIFI_* environment variables, then from ./.env. "
            + ExitCodes.HelpText)
        {
            new HelpOption(),
            new VersionOption(),
            InitCommand.Create(context),
            TestCommand.Create(context),
            SendCommand.Create(context),
            SandboxCommand.Create(context),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; parse errors exit with <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRootCommand(context).Parse(args);
        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
