using System.CommandLine;
using PushNotifi.Sandbox;

namespace PushNotifi.Cli.Commands;

/// <summary><c>pushnotifi sandbox</c>: the local stand-in for the API, in the foreground until Ctrl+C.</summary>
internal static class SandboxCommand
{
    /// <summary>The port used when <c>--port</c> is not given (the standalone sandbox's default too).</summary>
    public const int DefaultPort = 5080;

    /// <summary>Builds <c>pushnotifi sandbox</c>.</summary>
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = $"The loopback port to listen on; 0 picks a free one [default: {DefaultPort}].",
            DefaultValueFactory = _ => DefaultPort,
            CustomParser = PortParser.Parse,
            HelpName = "port",
        };

        var data = new Option<FileInfo?>("--data")
        {
            Description = "Keep the API keys and the captured notifications (alerts and acks included) in this SQLite file across restarts; "
                + "its HMAC pepper goes beside it in <file>.pepper. The file holds no key. Default: in memory only.",
            HelpName = "file",
        };

        var maxRequests = Cap("--max-requests", "requests the traffic log (/sandbox/requests) keeps", SandboxLimits.DefaultMaxRequests);
        var maxNotifications = Cap("--max-notifications", "notifications kept (in memory or in --data), oldest dropped first", SandboxLimits.DefaultMaxNotifications);

        var team = new Option<int>("--team")
        {
            Description = $"Make up this many team members (1 to {SandboxOptions.MaxTeamSize}), each with a fake user key and all in one fake group, "
                + "printed to paste into `ask --to`; the inbox can answer as any of them [default: none].",
            HelpName = "count",
        };
        team.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > SandboxOptions.MaxTeamSize)
            {
                result.AddError($"--team must be 1 to {SandboxOptions.MaxTeamSize}.");
            }
        });

        var command = new Command(
            "sandbox",
            "Run the local PushNotifi sandbox on 127.0.0.1 until Ctrl+C. It accepts the keys in PUSHNOTIFI_USER_KEY, PUSHNOTIFI_GROUP_KEY "
            + "and PUSHNOTIFI_WEBHOOK_TOKEN (environment or ./.env) and makes up fake ones for any that are unset, printing them to paste. "
            + "It records every notification and shows them in a live inbox at its base URL, where alerts can be answered.")
        {
            port,
            data,
            maxRequests,
            maxNotifications,
            team,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(context, parseResult.GetValue(port), parseResult.GetValue(data)?.FullName, (parseResult.GetValue(maxRequests), parseResult.GetValue(maxNotifications), parseResult.GetValue(team)), cancellationToken));
        return command;
    }

    private static Option<int> Cap(string name, string what, int defaultValue)
    {
        var option = new Option<int>(name)
        {
            Description = $"How many {what} [default: {defaultValue}].",
            DefaultValueFactory = _ => defaultValue,
            HelpName = "count",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{name} must be at least 1.");
            }
        });
        return option;
    }

    private static async Task<int> RunAsync(CliContext context, int port, string? dataFile, (int Requests, int Notifications, int Team) caps, CancellationToken cancellationToken)
    {
        if (await CliSecrets.LoadAsync(context).ConfigureAwait(false) is not { } environment)
        {
            return ExitCodes.Usage;
        }

        var options = SandboxOptions.FromEnvironment(environment.Get);
        options.Urls = $"http://127.0.0.1:{port}";
        options.DataFile = dataFile;
        options.MaxRequests = caps.Requests;
        options.MaxNotifications = caps.Notifications;
        if (caps.Team > 0)
        {
            options.TeamSize = caps.Team;
        }
        IReadOnlyList<string> generated;
        SandboxServer server;
        try
        {
            // With --data the fake keys come from the file's pepper, so an unusable file is reported here too.
            generated = options.WithFakeKeys();
            server = await SandboxServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            await context.Error.WriteLineAsync(CliSecrets.RedactorFor(environment).Redact(exception.Message)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (IOException exception)
        {
            await context.Error.WriteLineAsync($"Could not listen on {options.Urls}: {exception.Message} Try another --port.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using (server.ConfigureAwait(false))
        {
            await context.Out.WriteLineAsync($"PushNotifi sandbox listening on {server.BaseUrl}").ConfigureAwait(false);
            foreach (var line in SandboxBanner.Lines(options, generated, server.BaseUrl))
            {
                await context.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the normal way to stop.
            }

            await context.Out.WriteLineAsync("Sandbox stopped.").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
