using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;

namespace PushNotifi.Cli.Commands;

/// <summary>
/// <c>pushnotifi ask</c>: asks the group in PUSHNOTIFI_GROUP_KEY a question on their phones (an emergency alert with
/// answer buttons) and waits for the answer. Stdout carries only the answer; the exit code says yes, no or no answer.
/// </summary>
internal static class AskCommand
{
    /// <summary>The answers offered when <c>--template</c> is not given: an approval gate is what scripts ask most.</summary>
    public const PushNotifiResponseTemplate DefaultTemplate = PushNotifiResponseTemplate.ApproveDeny;

    /// <summary>The wait when <c>--timeout</c> is not given, in seconds (the runtime's default too).</summary>
    public const int DefaultTimeoutSeconds = 900;

    /// <summary>Builds <c>pushnotifi ask</c>.</summary>
    public static Command Create(CliContext context)
    {
        var question = new Argument<string>("question") { Description = "The question, e.g. \"Deploy v2 to production?\"." };
        var title = new Option<string?>("--title") { Description = "The alert's title.", HelpName = "title" };
        // No DefaultValueFactory: help would show the enum name (ApproveDeny) instead of the wire name.
        var template = new Option<PushNotifiResponseTemplate?>("--template")
        {
            Description = $"The answers offered: {ResponseTemplateParser.Choices} [default: {PushNotifiResponseTemplates.ToWireName(DefaultTemplate)}].",
            CustomParser = ResponseTemplateParser.Parse,
            HelpName = "template",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = $"Seconds to wait for an answer, 1..{TimeoutParser.MaxSeconds}.",
            CustomParser = TimeoutParser.Parse,
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            HelpName = "seconds",
        };
        var json = new Option<bool>("--json") { Description = "Print the whole result as one line of JSON instead of the answer (a team approval: its audit record)." };
        var to = new Option<string[]>("--to")
        {
            Description = "A team approval: user or group keys (comma-separated), each asked on its own alert [default: PUSHNOTIFI_GROUP_KEY].",
            HelpName = "keys",
            CustomParser = KeyList,
        };
        var require = new Option<int?>("--require") { Description = "How many distinct targets must approve [default: 1].", HelpName = "n" };
        var escalateAfter = new Option<TimeSpan?>("--escalate-after")
        {
            Description = "How long the --to step waits before --then is asked too, e.g. 10m.",
            HelpName = "duration",
            CustomParser = Duration,
        };
        var then = new Option<string[]>("--then") { Description = "The next step's keys (comma-separated), asked after --escalate-after.", HelpName = "keys", CustomParser = KeyList };
        var approvalId = new Option<string?>("--approval-id")
        {
            Description = "Names the approval, e.g. the CI run id: a re-run with the same id re-attaches and pages nobody again.",
            HelpName = "id",
        };

        var command = new Command(
            "ask",
            "Ask the group in PUSHNOTIFI_GROUP_KEY a question on their phones (an emergency alert with answer buttons, sent with "
            + "PUSHNOTIFI_USER_KEY) and wait for the answer. Prints the label tapped (or the reply typed) on stdout and exits "
            + "0 for a yes or a reply, 6 for a no, 7 when nobody answered in time. Progress goes to stderr.")
        {
            question, title, template, timeout, json, to, require, escalateAfter, then, approvalId,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(require) is < 1)
            {
                result.AddError("--require must be at least 1.");
            }

            var next = result.GetValue(then) ?? [];
            if (next.Length > 0 && result.GetValue(escalateAfter) is null)
            {
                result.AddError("--then needs --escalate-after: how long the first step waits before the next is asked.");
            }

            if (result.GetValue(escalateAfter) is not null && next.Length == 0)
            {
                result.AddError("--escalate-after needs --then: the keys to ask next.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            new AskRequest
            {
                Question = parseResult.GetRequiredValue(question),
                Title = parseResult.GetValue(title),
                Template = parseResult.GetValue(template) ?? DefaultTemplate,
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
                Json = parseResult.GetValue(json),
                To = parseResult.GetValue(to) ?? [],
                Require = parseResult.GetValue(require),
                EscalateAfter = parseResult.GetValue(escalateAfter),
                Then = parseResult.GetValue(then) ?? [],
                ApprovalId = parseResult.GetValue(approvalId),
            },
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, AskRequest request, CancellationToken cancellationToken)
    {
        if (await CliSecrets.LoadApiOptionsAsync(
            context,
            " `ask` needs the API: the webhook cannot carry a question or its answer.",
            "Run `pushnotifi init` first, then fill them in `.env`.").ConfigureAwait(false) is not { } loaded)
        {
            return ExitCodes.Usage;
        }

        var (options, redactor) = loaded;
        var client = new PushNotifiClient(options, httpClient: null, logger: null, context.TimeProvider);
        if (request.IsTeam)
        {
            return await AskTeam.RunAsync(context, client, request, redactor, cancellationToken).ConfigureAwait(false);
        }

        var question = new PushNotifiMessage
        {
            Type = PushNotifiRecipientType.Group,
            SendToKey = options.GroupKey,
            Title = request.Title,
            Message = request.Question,
            ResponseTemplate = request.Template,
        };

        string alertId;
        try
        {
            alertId = await client.RequestAckAsync(question, cancellationToken).ConfigureAwait(false);
        }
        catch (PushNotifiException exception)
        {
            return await ApiFailure.ReportAsync(context.Error, redactor, exception, "Ask", options.ApiBaseUrl, TestCommand.LikelyCause).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while the question was in flight: it may already be on the phone, and its answer would go unread.
            await context.Error.WriteLineAsync("Stopped waiting; the question may already be on the phone, and an answer given now is not acted on.").ConfigureAwait(false);
            throw;
        }

        var labels = PushNotifiResponseTemplates.Labels(request.Template);
        var offered = labels.Count == 0 ? "a typed reply" : string.Join(" or ", labels);
        await context.Error.WriteLineAsync($"Asked (alert {alertId}): waiting up to {request.Timeout.TotalSeconds:0}s for {offered}.").ConfigureAwait(false);

        PushNotifiAckResult result;
        try
        {
            result = await WaitAsync(context, client, alertId, request.Timeout, redactor, cancellationToken).ConfigureAwait(false);
        }
        catch (PushNotifiException exception)
        {
            return await ApiFailure.ReportAsync(context.Error, redactor, exception, "Waiting for the answer", options.ApiBaseUrl, StatusCause).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"Stopped waiting; alert {alertId} stays on the phone, and an answer given now is not acted on.").ConfigureAwait(false);
            throw;
        }

        return await AnswerAsync(context, request, result, redactor).ConfigureAwait(false);
    }

    /// <summary>Awaits the answer while the display shows the time waited; the display stops before anything else is printed.</summary>
    private static async Task<PushNotifiAckResult> WaitAsync(
        CliContext context, PushNotifiClient acks, string alertId, TimeSpan timeout, Redactor redactor, CancellationToken cancellationToken)
    {
        var display = new AskWaitDisplay(context.Error, context.ErrorIsTerminal, timeout, redactor);
        using var stopDisplay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var showing = display.RunAsync(context.TimeProvider, stopDisplay.Token);
        try
        {
            return await acks.AwaitAckAsync(alertId, timeout, display, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopDisplay.CancelAsync().ConfigureAwait(false);
            await showing.ConfigureAwait(false);
            display.Finish();
        }
    }

    /// <summary>Prints the answer (stdout) and how it ended (stderr), and returns the exit code that says yes, no or no answer.</summary>
    private static async Task<int> AnswerAsync(CliContext context, AskRequest request, PushNotifiAckResult result, Redactor redactor)
    {
        var waited = string.Create(CultureInfo.InvariantCulture, $"{(int)result.Elapsed.TotalSeconds}s");
        int exitCode;
        string? answer = null;
        if (result.TimedOut || !result.Acked)
        {
            // Not answering is never a yes: the person's safe default is not to tap.
            await context.Error.WriteLineAsync($"No answer within {request.Timeout.TotalSeconds:0}s.").ConfigureAwait(false);
            exitCode = ExitCodes.NoAnswer;
        }
        else if (request.Template == PushNotifiResponseTemplate.FreeText)
        {
            answer = redactor.Redact(result.Response);
            await context.Error.WriteLineAsync($"Answered after {waited}.").ConfigureAwait(false);
            exitCode = ExitCodes.Success;
        }
        else
        {
            // A plain acknowledgement carries no response: show the one button the template has.
            answer = redactor.Redact(result.Response ?? PushNotifiResponseTemplates.Labels(request.Template)[0]);
            await context.Error.WriteLineAsync($"Answered {answer} after {waited}.").ConfigureAwait(false);
            exitCode = result.IsAffirmative ? ExitCodes.Success : ExitCodes.Declined;
        }

        if (result.Comment is { Length: > 0 } comment)
        {
            await context.Error.WriteLineAsync("Comment: " + redactor.Redact(comment)).ConfigureAwait(false);
        }

        if (request.Json)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(AskJsonResult.From(result, redactor), CliJsonContext.Default.AskJsonResult)).ConfigureAwait(false);
        }
        else if (answer is not null)
        {
            await context.Out.WriteLineAsync(answer).ConfigureAwait(false);
        }

        return exitCode;
    }

    private static string[] KeyList(ArgumentResult result)
    {
        var keys = result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (keys.Length == 0)
        {
            result.AddError($"{result.Parent?.ToString() ?? "The option"} needs at least one key.");
        }

        return keys;
    }

    private static TimeSpan? Duration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (DurationText.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        result.AddError($"--escalate-after must be a positive duration such as 90, 90s, 10m or 1h (got '{text}').");
        return null;
    }

    /// <summary>The likely cause of an error status while reading the answer.</summary>
    internal static string? StatusCause(int status) => status switch
    {
        404 => "The alert is not visible to this PUSHNOTIFI_USER_KEY (or the server forgot it).",
        _ => TestCommand.LikelyCause(status),
    };
}
