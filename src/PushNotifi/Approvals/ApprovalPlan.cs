using System.Buffers;

namespace PushNotifi.Approvals;

/// <summary>A validated request: the approval id, and each step's targets after exclusion and de-duplication.</summary>
internal sealed record ApprovalPlan(
    PushNotifiApprovalRequest Request,
    string ApprovalId,
    TimeSpan Timeout,
    IReadOnlyList<IReadOnlyList<PushNotifiApprovalTarget>> Steps)
{
    private static readonly SearchValues<char> s_idCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    /// <summary>The targets that can still be asked, in all steps.</summary>
    public int TargetCount => Steps.Sum(s => s.Count);

    /// <summary>When step <paramref name="index"/> starts, from the first ask; null when an earlier step never escalates.</summary>
    public TimeSpan? StepStart(int index)
    {
        var start = TimeSpan.Zero;
        for (var i = 0; i < index; i++)
        {
            if (Request.Steps[i].EscalateAfter is not { } wait)
            {
                return null;
            }

            start += wait;
        }

        return start;
    }

    public static ApprovalPlan From(PushNotifiApprovalRequest request, PushNotifiAckPollingOptions polling)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Message))
        {
            throw new PushNotifiValidationException("message", "message must not be empty: it is the question every target is asked.");
        }

        if (request.Template == PushNotifiResponseTemplate.FreeText)
        {
            throw new PushNotifiValidationException("template", "A team approval needs buttons: a typed freetext reply is never an approval. Use approve_deny, yes_no, proceed_abort or confirm_cancel.");
        }

        if (request.RequiredApprovals < 1)
        {
            throw new PushNotifiValidationException("required_approvals", $"required approvals must be at least 1; it was {request.RequiredApprovals}.");
        }

        var timeout = request.Timeout ?? polling.DefaultTimeout;
        if (timeout <= TimeSpan.Zero || timeout > PushNotifiApprovalRequest.MaxTimeout)
        {
            throw new PushNotifiValidationException("timeout", $"timeout must be more than zero and at most {PushNotifiApprovalRequest.MaxTimeout.TotalHours:0} hours; it was {timeout}.");
        }

        if (request.Steps is null || request.Steps.Count == 0)
        {
            throw new PushNotifiValidationException("steps", "A team approval needs at least one step with at least one target.");
        }

        var id = request.ApprovalId?.Trim() ?? "ap-" + Guid.CreateVersion7().ToString("N");
        if (id.Length == 0 || id.Length > PushNotifiApprovalRequest.ApprovalIdLength || id.AsSpan().IndexOfAnyExcept(s_idCharacters) >= 0)
        {
            throw new PushNotifiValidationException("approval_id", $"approval id must be 1 to {PushNotifiApprovalRequest.ApprovalIdLength} letters, digits or -_.: characters.");
        }

        var excluded = new HashSet<string>((request.Exclude ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var steps = new List<IReadOnlyList<PushNotifiApprovalTarget>>();
        for (var i = 0; i < request.Steps.Count; i++)
        {
            var step = request.Steps[i] ?? throw new PushNotifiValidationException("steps", $"step {i + 1} is null.");
            if (step.Targets is null || step.Targets.Count == 0)
            {
                throw new PushNotifiValidationException("steps", $"step {i + 1} has no target.");
            }

            if (step.EscalateAfter is { } wait && wait <= TimeSpan.Zero)
            {
                throw new PushNotifiValidationException("escalate_after", $"step {i + 1}'s wait before the next step must be positive.");
            }

            var targets = new List<PushNotifiApprovalTarget>();
            foreach (var target in step.Targets)
            {
                if (target is null || string.IsNullOrWhiteSpace(target.Key))
                {
                    throw new PushNotifiValidationException("send_to_key", $"step {i + 1} names an empty target.");
                }

                var key = target.Key.Trim();
                if (key.Length > PushNotifiLimits.KeyLength)
                {
                    throw new PushNotifiValidationException("send_to_key", $"step {i + 1} names a target ({Redactor.LastFour(key)}) longer than {PushNotifiLimits.KeyLength} characters.");
                }

                // A target named twice (or in two steps) is asked once and counts once; an excluded one never.
                if (!excluded.Contains(key) && seen.Add(key))
                {
                    targets.Add(target with { Key = key });
                }
            }

            steps.Add(targets);
        }

        return new ApprovalPlan(request, id, timeout, steps);
    }
}
