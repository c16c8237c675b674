using System.Globalization;
using System.Text.Json;

namespace PushNotifi.Approvals;

/// <summary>
/// One call of <see cref="IPushNotifiApprovals.RequestApprovalAsync"/>: asks the steps when their time comes, polls
/// every open alert in one loop (each on its own adaptive schedule, so each stays within the one-person budget),
/// decides by the rules, stores what it sent, and sends the follow-ups. Silence never approves.
/// </summary>
internal sealed class ApprovalRun(ApprovalServices services, ApprovalPlan plan, IProgress<PushNotifiApprovalProgress>? progress)
{
    private static readonly TimeSpan s_keptAfterDeadline = TimeSpan.FromDays(1);

    private readonly List<OpenAlert> _alerts = [];
    private readonly List<PushNotifiApprovalAnswer> _answers = [];
    private readonly TimeProvider _time = services.Time;
    private DateTimeOffset _askedAt;
    private int _stepsAsked;
    private int _polls;

    private string StoreKey => "approval:" + services.Redactor.Fingerprint("approval:" + plan.ApprovalId);

    private DateTimeOffset Deadline => _askedAt + plan.Timeout;

    public async Task<PushNotifiApprovalDecision> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var record = await LoadAsync(cancellationToken).ConfigureAwait(false);
            if (record?.Decision is { } decided)
            {
                return await RecordLateAnswersAsync(record, decided, cancellationToken).ConfigureAwait(false);
            }

            _askedAt = record?.AskedAt ?? _time.GetUtcNow();
            _stepsAsked = record is { Alerts.Count: > 0 } ? record.Alerts.Max(a => a.Recipient.Step) : 0;
            foreach (var alert in record?.Alerts ?? [])
            {
                if (FindTarget(alert.Fingerprint) is { } target)
                {
                    _alerts.Add(new OpenAlert(target, alert.Fingerprint, alert.Recipient, _time.GetUtcNow()));
                }
            }

            return await WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Nothing is stored as decided: the same id asked again re-attaches and waits on.
            return Decision(PushNotifiApprovalOutcome.Cancelled, "cancelled by the caller", decidedAt: null);
        }
    }

    private async Task<PushNotifiApprovalDecision> WaitAsync(CancellationToken cancellationToken)
    {
        // Too few targets left for N (e.g. after exclusion): denied before anyone is paged.
        if (_alerts.Count == 0 && Decide() is { } hopeless)
        {
            return await FinishAsync(hopeless.Outcome, hopeless.Reason, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = _time.GetUtcNow();
            var atDeadline = now >= Deadline;

            // Ask every step whose time has come (before the deadline), each target once.
            while (_stepsAsked < plan.Steps.Count && plan.StepStart(_stepsAsked) is { } start && _askedAt + start <= now && !atDeadline)
            {
                await AskStepAsync(_stepsAsked, cancellationToken).ConfigureAwait(false);
                _stepsAsked++;
            }

            var problem = await PollDueAsync(atDeadline, cancellationToken).ConfigureAwait(false);
            if (Decide() is { } verdict)
            {
                return await FinishAsync(verdict.Outcome, verdict.Reason, cancellationToken).ConfigureAwait(false);
            }

            now = _time.GetUtcNow();
            if (atDeadline || now >= Deadline)
            {
                if (!atDeadline)
                {
                    continue; // one last round at the deadline, so an answer given in the last pause still counts
                }

                return await FinishAsync(PushNotifiApprovalOutcome.Expired, "the deadline passed undecided", cancellationToken).ConfigureAwait(false);
            }

            var wake = Deadline;
            foreach (var alert in _alerts.Where(a => a.Answer is null && a.NextPollAt < wake))
            {
                wake = alert.NextPollAt;
            }

            if (_stepsAsked < plan.Steps.Count && plan.StepStart(_stepsAsked) is { } next && _askedAt + next < wake)
            {
                wake = _askedAt + next;
            }

            var pause = wake > now ? wake - now : TimeSpan.Zero;

            // The timer starts before progress is told, so a listener that moves a test clock cannot run ahead of it.
            var delay = Task.Delay(pause, _time, cancellationToken);
            Report(now, pause, problem);
            await delay.ConfigureAwait(false);
        }
    }

    private async Task AskStepAsync(int step, CancellationToken cancellationToken)
    {
        foreach (var target in plan.Steps[step])
        {
            var fingerprint = Fingerprint(target);
            if (_alerts.Any(a => a.Fingerprint == fingerprint))
            {
                continue; // re-attached: its alert exists, and nobody is paged again
            }

            var question = new PushNotifiMessage
            {
                Type = target.Type,
                SendToKey = target.Key,
                Title = plan.Request.Title,
                Message = plan.Request.Message,
                ResponseTemplate = plan.Request.Template,
                IdempotencyKey = "approval:" + plan.ApprovalId + ":" + fingerprint,
            };
            var alertId = await services.Acks.RequestAckAsync(question, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var recipient = new PushNotifiApprovalRecipient
            {
                Target = Redactor.LastFour(target.Key),
                TargetType = target.Type,
                Step = step + 1,
                AlertId = alertId,
                AskedAt = now,
            };
            _alerts.Add(new OpenAlert(target, fingerprint, recipient, now));

            // Stored after each alert, so a crash mid-step re-attaches to what was sent.
            await SaveAsync(decision: null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads every open alert whose time has come (all of them at the deadline); returns the last transient problem.</summary>
    private async Task<string?> PollDueAsync(bool all, CancellationToken cancellationToken)
    {
        string? problem = null;
        var now = _time.GetUtcNow();
        foreach (var alert in _alerts.Where(a => a.Answer is null && (all || a.NextPollAt <= now)).ToList())
        {
            TimeSpan? retryAfter = null;
            try
            {
                var status = await ReadAsync(alert.Recipient.AlertId, cancellationToken).ConfigureAwait(false);
                _polls++;
                if (status.Acked)
                {
                    alert.Answer = Answer(alert, status, inTime: true);
                    _answers.Add(alert.Answer);
                    continue;
                }
            }
            catch (PushNotifiException ex) when (PushNotifiClient.IsTransientWhileWaiting(ex))
            {
                _polls++;
                problem = ex.StatusCode is { } code ? "HTTP " + code.ToString(CultureInfo.InvariantCulture) : "no answer from the API";
                retryAfter = ex.RetryAfter;
            }

            alert.Pause = services.Polling.NextDelay(now - alert.Recipient.AskedAt, alert.Pause);
            if (retryAfter is { } asked && asked > alert.Pause)
            {
                alert.Pause = asked < PushNotifiLimits.AckRetryAfterMax ? asked : PushNotifiLimits.AckRetryAfterMax;
            }

            alert.NextPollAt = now + alert.Pause;
        }

        return problem;
    }

    /// <summary>The rules, in order of safety: a vetoing decline first, then N approvals, then N out of reach.</summary>
    private (PushNotifiApprovalOutcome Outcome, string Reason)? Decide()
    {
        var answered = _alerts.Where(a => a.Answer is not null).ToList();
        if (plan.Request.DeclineVetoes && answered.FirstOrDefault(a => !a.Answer!.Approves) is { } veto)
        {
            return (PushNotifiApprovalOutcome.Denied, "declined by " + veto.Recipient.Target);
        }

        var approvals = answered.Where(a => a.Answer!.Approves).ToList();
        if (approvals.Count >= plan.Request.RequiredApprovals)
        {
            return (PushNotifiApprovalOutcome.Approved, "approved by " + string.Join(", ", approvals.Select(a => a.Recipient.Target)));
        }

        // Who could still approve: every unanswered target already asked, and those of steps still to come before the deadline.
        var reachable = approvals.Count + _alerts.Count(a => a.Answer is null);
        for (var step = _stepsAsked; step < plan.Steps.Count; step++)
        {
            if (plan.StepStart(step) is not { } start || start >= plan.Timeout)
            {
                break;
            }

            reachable += plan.Steps[step].Count(t => !_alerts.Any(a => a.Fingerprint == Fingerprint(t)));
        }

        return reachable < plan.Request.RequiredApprovals
            ? (PushNotifiApprovalOutcome.Denied, $"{plan.Request.RequiredApprovals} approvals can no longer be reached ({approvals.Count} approved, {reachable - approvals.Count} could still answer)")
            : null;
    }

    private async Task<PushNotifiApprovalDecision> FinishAsync(PushNotifiApprovalOutcome outcome, string reason, CancellationToken cancellationToken)
    {
        var decision = Decision(outcome, reason, _time.GetUtcNow());
        await SaveAsync(decision, cancellationToken).ConfigureAwait(false);
        Report(_time.GetUtcNow(), TimeSpan.Zero, problem: null);
        await FollowUpAsync(decision, cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>Tells every target that has not answered that it is decided, at low priority, once (keyed like the ask).</summary>
    private async Task FollowUpAsync(PushNotifiApprovalDecision decision, CancellationToken cancellationToken)
    {
        var text = decision.Outcome switch
        {
            PushNotifiApprovalOutcome.Approved => "Decided: " + decision.Reason + ".",
            PushNotifiApprovalOutcome.Denied => "Decided: denied, " + decision.Reason + ".",
            _ => "Decided: expired, nobody approved in time.",
        };
        foreach (var alert in _alerts.Where(a => a.Answer is null))
        {
            try
            {
                await services.Client.SendAsync(
                    new PushNotifiMessage
                    {
                        Type = alert.Target.Type,
                        SendToKey = alert.Target.Key,
                        Title = plan.Request.Title,
                        Message = text + " No need to answer: " + plan.Request.Message,
                        Priority = PushNotifiPriority.Low,
                        IdempotencyKey = "approval:" + plan.ApprovalId + ":decided:" + alert.Fingerprint,
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (PushNotifiException)
            {
                // A follow-up is a courtesy: its failure never changes or hides the decision.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // cancelled after the decision was made and stored: the decision stands
            }
        }
    }

    /// <summary>The same id asked after its decision: the stored decision, plus any answers that came since, as late.</summary>
    private async Task<PushNotifiApprovalDecision> RecordLateAnswersAsync(ApprovalRecord record, PushNotifiApprovalDecision decided, CancellationToken cancellationToken)
    {
        var answers = decided.Answers.ToList();
        var changed = false;
        foreach (var alert in record.Alerts.Where(a => !answers.Any(x => x.Target == a.Recipient.Target && x.Step == a.Recipient.Step)))
        {
            try
            {
                var status = await ReadAsync(alert.Recipient.AlertId, cancellationToken).ConfigureAwait(false);
                if (status.Acked)
                {
                    answers.Add(Answer(new OpenAlert(null!, alert.Fingerprint, alert.Recipient, _time.GetUtcNow()), status, inTime: false));
                    changed = true;
                }
            }
            catch (PushNotifiException ex) when (PushNotifiClient.IsTransientWhileWaiting(ex))
            {
                // Late answers are for the record only; the decision stands without them.
            }
        }

        if (!changed)
        {
            return decided;
        }

        var updated = decided with { Answers = answers };
        await services.Store.SetRecordAsync(StoreKey, record with { Decision = updated }, KeptFor(record.AskedAt + plan.Timeout), cancellationToken).ConfigureAwait(false);
        return updated;
    }

    private PushNotifiApprovalAnswer Answer(OpenAlert alert, PushNotifiAckStatus status, bool inTime) => new()
    {
        Target = alert.Recipient.Target,
        TargetType = alert.Recipient.TargetType,
        Step = alert.Recipient.Step,
        DeviceId = status.AckedByDeviceId is null ? null : services.Redactor.Redact(status.AckedByDeviceId),
        Response = status.Response,
        Comment = status.Comment,
        Approves = status.IsAffirmative,
        AnsweredAt = status.AckedAt,
        SeenAt = _time.GetUtcNow(),
        InTime = inTime,
    };

    private PushNotifiApprovalDecision Decision(PushNotifiApprovalOutcome outcome, string reason, DateTimeOffset? decidedAt) => new()
    {
        ApprovalId = plan.ApprovalId,
        Outcome = outcome,
        Reason = reason,
        RequiredApprovals = plan.Request.RequiredApprovals,
        DeclineVetoes = plan.Request.DeclineVetoes,
        DecidingStep = _stepsAsked == 0 ? null : _stepsAsked,
        AskedAt = _askedAt,
        DecidedAt = decidedAt,
        Deadline = Deadline,
        Asked = [.. _alerts.Select(a => a.Recipient)],
        Answers = [.. _answers],
    };

    private Task<PushNotifiAckStatus> ReadAsync(string alertId, CancellationToken cancellationToken) =>
        services.Acks is PushNotifiClient client
            ? client.ReadStatusOnceAsync(alertId, cancellationToken) // one attempt: this loop is the retry
            : services.Acks.GetAckStatusAsync(alertId, cancellationToken);

    private void Report(DateTimeOffset now, TimeSpan next, string? problem) =>
        progress?.Report(new PushNotifiApprovalProgress(
            plan.ApprovalId,
            now - _askedAt,
            plan.Timeout,
            _stepsAsked,
            _alerts.Count(a => a.Answer?.Approves == true),
            _alerts.Count(a => a.Answer is null),
            _polls,
            next,
            problem));

    private async Task<ApprovalRecord?> LoadAsync(CancellationToken cancellationToken)
    {
        if (services.Store is not IPushNotifiRecordStore records
            || await records.GetAsync(StoreKey, cancellationToken).ConfigureAwait(false) is not { } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, ApprovalJsonContext.Default.ApprovalRecord);
        }
        catch (JsonException)
        {
            return null; // unreadable: ask again; the idempotency keys still keep the same alerts
        }
    }

    private ValueTask SaveAsync(PushNotifiApprovalDecision? decision, CancellationToken cancellationToken) =>
        services.Store.SetRecordAsync(
            StoreKey,
            new ApprovalRecord
            {
                AskedAt = _askedAt,
                Alerts = [.. _alerts.Select(a => new ApprovalAlert(a.Fingerprint, a.Recipient))],
                Decision = decision,
            },
            KeptFor(Deadline),
            cancellationToken);

    private TimeSpan KeptFor(DateTimeOffset deadline)
    {
        var left = deadline - _time.GetUtcNow();
        return (left > TimeSpan.Zero ? left : TimeSpan.Zero) + s_keptAfterDeadline;
    }

    private string Fingerprint(PushNotifiApprovalTarget target) =>
        services.Redactor.Fingerprint((target.Type == PushNotifiRecipientType.Group ? "group:" : "user:") + target.Key);

    private PushNotifiApprovalTarget? FindTarget(string fingerprint) =>
        plan.Steps.SelectMany(s => s).FirstOrDefault(t => Fingerprint(t) == fingerprint);

    private sealed class OpenAlert(PushNotifiApprovalTarget target, string fingerprint, PushNotifiApprovalRecipient recipient, DateTimeOffset nextPollAt)
    {
        public PushNotifiApprovalTarget Target { get; } = target;

        public string Fingerprint { get; } = fingerprint;

        public PushNotifiApprovalRecipient Recipient { get; } = recipient;

        public DateTimeOffset NextPollAt { get; set; } = nextPollAt;

        public TimeSpan Pause { get; set; }

        public PushNotifiApprovalAnswer? Answer { get; set; }
    }
}
