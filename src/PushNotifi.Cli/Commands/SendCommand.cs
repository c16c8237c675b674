using System.CommandLine;
using System.Text.Json;

namespace PushNotifi.Cli.Commands;

/// <summary>
/// <c>pushnotifi send</c>: one notification from a script or CI, through the API (PUSHNOTIFI_USER_KEY to the group in
/// PUSHNOTIFI_GROUP_KEY) or the inbound webhook (PUSHNOTIFI_WEBHOOK_TOKEN). The token is never printed.
/// </summary>
internal static class SendCommand
{
    /// <summary>Builds <c>pushnotifi send</c>.</summary>
    public static Command Create(CliContext context)
    {
        var title = new Option<string>("--title") { Description = "The notification title.", Required = true };
        var message = new Option<string>("--message") { Description = "The notification text.", Required = true };
        var priority = new Option<PushNotifiPriority?>("--priority")
        {
            Description = "-2..2 or lowest, low, normal, high, emergency (API only).",
            CustomParser = PriorityParser.Parse,
            HelpName = "priority",
        };
        var idempotencyKey = new Option<string?>("--idempotency-key")
        {
            Description = "Deduplicates repeats (API only); with it, transient failures are retried safely.",
            HelpName = "key",
        };
        var url = new Option<string?>("--url") { Description = "A link to attach (API only).", HelpName = "url" };
        var urlTitle = new Option<string?>("--url-title") { Description = "The link's title (API only).", HelpName = "text" };
        var via = new Option<string>("--via")
        {
            Description = "auto: the API when PUSHNOTIFI_USER_KEY is set, else the webhook when PUSHNOTIFI_WEBHOOK_TOKEN is set.",
            DefaultValueFactory = _ => "auto",
        };
        via.AcceptOnlyFromAmong("auto", "api", "webhook");

        var command = new Command(
            "send",
            "Send one notification. Through the API: PUSHNOTIFI_USER_KEY to the group in PUSHNOTIFI_GROUP_KEY. Through the inbound "
            + "webhook: PUSHNOTIFI_WEBHOOK_TOKEN (title and message only, no retries). Settings from the environment or ./.env.")
        {
            title, message, priority, idempotencyKey, url, urlTitle, via,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            PushNotifiMessage.ToDefaultGroup(parseResult.GetRequiredValue(title), parseResult.GetRequiredValue(message)) with
            {
                Priority = parseResult.GetValue(priority),
                IdempotencyKey = parseResult.GetValue(idempotencyKey),
                Url = parseResult.GetValue(url),
                UrlTitle = parseResult.GetValue(urlTitle),
            },
            parseResult.GetValue(via) ?? "auto",
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, PushNotifiMessage request, string via, CancellationToken cancellationToken)
    {
        if (await CliSecrets.LoadAsync(context).ConfigureAwait(false) is not { } environment)
        {
            return ExitCodes.Usage;
        }

        var redactor = CliSecrets.RedactorFor(environment);
        var hasUserKey = environment.Get(PushNotifiEnvironmentVariables.UserKey) is not null;
        var hasToken = environment.Get(PushNotifiEnvironmentVariables.WebhookToken) is not null;
        var route = via switch
        {
            "auto" when hasUserKey => "api",
            "auto" when hasToken => "webhook",
            "auto" => null,
            _ => via,
        };

        switch (route)
        {
            case "api" when hasUserKey:
                return await SendThroughApiAsync(context, environment, redactor, request, cancellationToken).ConfigureAwait(false);
            case "webhook" when hasToken:
                return await SendThroughWebhookAsync(context, environment, redactor, request, cancellationToken).ConfigureAwait(false);
            case "webhook":
                await context.Error.WriteLineAsync("Missing PUSHNOTIFI_WEBHOOK_TOKEN (--via webhook). Copy your inbound webhook token from https://pushnotifi.me/dashboard into .env or the environment.").ConfigureAwait(false);
                return ExitCodes.Usage;
            default:
                await context.Error.WriteLineAsync("Missing PUSHNOTIFI_USER_KEY (for the API) or PUSHNOTIFI_WEBHOOK_TOKEN (for the webhook). Run `pushnotifi init` first, then fill them in `.env`.").ConfigureAwait(false);
                return ExitCodes.Usage;
        }
    }

    private static async Task<int> SendThroughApiAsync(CliContext context, CliEnvironment environment, Redactor redactor, PushNotifiMessage request, CancellationToken cancellationToken)
    {
        PushNotifiOptions options;
        try
        {
            options = PushNotifiOptions.FromEnvironment(environment.Get);
        }
        catch (PushNotifiConfigurationException exception)
        {
            await context.Error.WriteLineAsync(redactor.Redact(exception.Message)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (options.GroupKey is null)
        {
            await context.Error.WriteLineAsync("Missing PUSHNOTIFI_GROUP_KEY: the group to send to. Run `pushnotifi init` first, then fill it in `.env`.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var client = new PushNotifiClient(options);

        try
        {
            var result = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync("Sent through the API: " + result.Message).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (PushNotifiException exception)
        {
            return await ApiFailure.ReportAsync(context.Error, redactor, exception, "Send", options.ApiBaseUrl, TestCommand.LikelyCause).ConfigureAwait(false);
        }
    }

    private static async Task<int> SendThroughWebhookAsync(CliContext context, CliEnvironment environment, Redactor redactor, PushNotifiMessage request, CancellationToken cancellationToken)
    {
        if (HasApiOnlyOptions(request))
        {
            await context.Error.WriteLineAsync("The webhook carries only --title and --message; --priority, --idempotency-key, --url and --url-title need the API (PUSHNOTIFI_USER_KEY).").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var token = environment.Get(PushNotifiEnvironmentVariables.WebhookToken)!;
        var options = new PushNotifiOptions
        {
            WebhookToken = token,
            ApiBaseUrl = environment.Get(PushNotifiEnvironmentVariables.ApiBaseUrl) ?? PushNotifiOptions.DefaultApiBaseUrl,

            // Not sent through the webhook; set so the runtime's own redactor knows them too.
            UserKey = environment.Get(PushNotifiEnvironmentVariables.UserKey),
            GroupKey = environment.Get(PushNotifiEnvironmentVariables.GroupKey),
            ApplicationKey = environment.Get(PushNotifiEnvironmentVariables.ApplicationKey),
        };

        PushNotifiWebhookClient client;
        try
        {
            client = new PushNotifiWebhookClient(options);
        }
        catch (PushNotifiConfigurationException exception)
        {
            await context.Error.WriteLineAsync(Scrub(redactor.Redact(exception.Message), token)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            // --title is required, so the title is always there.
            var result = await client.SendAsync(request.Title!, request.Message, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync("Sent through the webhook: " + Scrub(redactor.Redact(result.Message), token)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (PushNotifiException exception)
        {
            var exitCode = ApiFailure.ExitCode(exception);
            if (exitCode == ExitCodes.Network)
            {
                await ApiFailure.WriteNetworkErrorAsync(context.Error, redactor, options.ApiBaseUrl, Scrub(exception.Message, token)).ConfigureAwait(false);
            }
            else if (exception.StatusCode is { } status)
            {
                var likelyCause = status switch
                {
                    401 or 404 => "The webhook token in PUSHNOTIFI_WEBHOOK_TOKEN is invalid or revoked; copy it again from https://pushnotifi.me/dashboard.",
                    _ => TestCommand.LikelyCause(status),
                };
                var body = exception.Body switch
                {
                    null => null,
                    JsonElement json => Scrub(json.GetRawText(), token),
                    var other => Scrub(other.ToString() ?? string.Empty, token),
                };
                await ApiFailure.WriteHttpErrorAsync(context.Error, redactor, "Send through the webhook", status, body, likelyCause).ConfigureAwait(false);
            }
            else
            {
                await context.Error.WriteLineAsync(Scrub(redactor.Redact(exception.Message), token)).ConfigureAwait(false);
            }

            return exitCode;
        }
    }

    /// <summary>Removes the token (raw or URL-encoded) even where it is too short for the redactor to look for.</summary>
    private static string Scrub(string text, string token) => text
        .Replace(token, "…", StringComparison.OrdinalIgnoreCase)
        .Replace(Uri.EscapeDataString(token), "…", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when an option only the API route carries was given.</summary>
    private static bool HasApiOnlyOptions(PushNotifiMessage request) =>
        request.Priority is not null || request.IdempotencyKey is not null || request.Url is not null || request.UrlTitle is not null;
}
