using System.Globalization;

namespace PushNotifi.Cli.Commands;

/// <summary>
/// <c>pushnotifi ask --to … --require N</c>: a team approval through the runtime's <see cref="PushNotifiApprovals"/>.
/// Stdout carries only the outcome (or, with <c>--json</c>, the audit record); the exit codes are the same as a
/// one-person question: approved 0, denied 6, expired 7.
/// </summary>
internal static class AskTeam
{
    public static async Task<int> RunAsync(CliContext context, PushNotifiClient client, AskRequest request, Redactor redactor, CancellationToken cancellationToken)
    {
        var options = client.Options;
        IReadOnlyList<string> first = request.To.Count > 0 ? request.To : [options.GroupKey!];
        List<PushNotifiApprovalStep> steps =
        [
            new() { Targets = [.. first.Select(PushNotifiApprovalTarget.Parse)], EscalateAfter = request.EscalateAfter },
        ];
        if (request.Then.Count > 0)
        {
            steps.Add(new() { Targets = [.. request.Then.Select(PushNotifiApprovalTarget.Parse)] });
        }

        var approval = new PushNotifiApprovalRequest
        {
            Title = request.Title,
            Message = request.Question,
            Template = request.Template,
            Steps = steps,
            RequiredApprovals = request.Require ?? 1,
            Timeout = request.Timeout,
            ApprovalId = request.ApprovalId,
        };

        PushNotifiApprovalDecision decision;
        try
        {
            var targets = string.Join(", ", first.Select(Redactor.LastFour));
            await context.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Asking {targets} for {approval.RequiredApprovals} approval(s), up to {request.Timeout.TotalSeconds:0}s.")).ConfigureAwait(false);
            decision = await new PushNotifiApprovals(client).RequestApprovalAsync(approval, new Display(context.Error), cancellationToken).ConfigureAwait(false);
        }
        catch (PushNotifiException exception)
        {
            return await ApiFailure.ReportAsync(context.Error, redactor, exception, "Team approval", options.ApiBaseUrl, AskCommand.StatusCause).ConfigureAwait(false);
        }

        if (decision.Outcome == PushNotifiApprovalOutcome.Cancelled)
        {
            await context.Error.WriteLineAsync($"Stopped waiting; approval {decision.ApprovalId} stays open, and the same --approval-id re-attaches to it.").ConfigureAwait(false);
            throw new OperationCanceledException(cancellationToken);
        }

        await context.Error.WriteLineAsync($"{decision.Outcome}: {redactor.Redact(decision.Reason)} (approval {decision.ApprovalId}).").ConfigureAwait(false);
        if (request.Json)
        {
            await context.Out.WriteLineAsync(decision.ToJson()).ConfigureAwait(false);
        }
        else if (decision.Outcome != PushNotifiApprovalOutcome.Expired)
        {
            await context.Out.WriteLineAsync(decision.Outcome.ToString()).ConfigureAwait(false);
        }

        return decision.Outcome switch
        {
            PushNotifiApprovalOutcome.Approved => ExitCodes.Success,
            PushNotifiApprovalOutcome.Denied => ExitCodes.Declined,
            _ => ExitCodes.NoAnswer, // expired: silence is never a yes
        };
    }

    /// <summary>A line on stderr whenever an approval arrives or a step is asked.</summary>
    private sealed class Display(TextWriter error) : IProgress<PushNotifiApprovalProgress>
    {
        private (int Step, int Approvals) _last;

        public void Report(PushNotifiApprovalProgress value)
        {
            if ((value.Step, value.Approvals) == _last)
            {
                return;
            }

            _last = (value.Step, value.Approvals);
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Waiting for approvals… {value.Approvals} so far, step {value.Step}, {(int)value.Elapsed.TotalSeconds}s / {(int)value.Timeout.TotalSeconds}s"));
        }
    }
}
