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
            "pushnotifi: set up PushNotifi in a .NET project, send a test or a scripted notification, ask a question and wait for the answer, run the local sandbox. "
            + "Settings come from PUSHNOTIFI_* environment variables, then from ./.env. "
            + ExitCodes.HelpText)
        {
            new HelpOption(),
            new VersionOption(),
            InitCommand.Create(context),
            TestCommand.Create(context),
            SendCommand.Create(context),
            AskCommand.Create(context),
            SandboxCommand.Create(context),
        };
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>; parse errors exit with <see cref="ExitCodes.Usage"/>, their message and
    /// the help on stderr.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        // No @response-file expansion: "--message @oncall ..." must reach the API as typed.
        var parseResult = CreateRootCommand(context).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

        // Our own handler instead of System.CommandLine's, which prints the raw exception (a key could be in it).
        // On a usage error System.CommandLine writes the help to Output: send it to stderr, since stdout carries only
        // the answer (`answer=$(pushnotifi ask …)` must capture nothing). Help asked for stays on stdout.
        var output = parseResult.Errors.Count > 0 ? context.Error : context.Out;
        var configuration = new InvocationConfiguration { Output = output, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("Interrupted.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await context.Error.WriteLineAsync(RedactorFor(context).Redact($"Unexpected error: {exception.GetType().Name}: {exception.Message}")).ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    private static Redactor RedactorFor(CliContext context)
    {
        try
        {
            return CliSecrets.RedactorFor(CliEnvironment.Load(context));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Redactor.Default;
        }
    }
}
