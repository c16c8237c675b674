using System.Diagnostics;
using System.Globalization;
using PushNotifi.Diagnostics;
using PushNotifi.Internal;

namespace PushNotifi;

/// <content>The acknowledgement side of the contract: ask, read, and await an answer.</content>
public sealed partial class PushNotifiClient
{
    private const string AlertNotFoundHint = " Check the alert id: an alert is visible only to the account whose key sent it.";

    /// <inheritdoc />
    public async Task<string> RequestAckAsync(PushNotifiMessage question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Priority is { } priority && priority != PushNotifiPriority.Emergency)
        {
            throw new PushNotifiValidationException(
                "priority",
                $"A question is always sent at priority 2 (Emergency), not {priority}; leave Priority unset.");
        }

        // A fresh key per call: retries of this send dedupe, while asking again later is a new alert with no old answer.
        var message = question with
        {
            Priority = PushNotifiPriority.Emergency,
            ResponseTemplate = question.ResponseTemplate ?? PushNotifiResponseTemplate.Ack,
            IdempotencyKey = question.IdempotencyKey ?? "ack:" + Guid.CreateVersion7().ToString("N"),
        };

        using var activity = PushNotifiActivities.StartAsk(message.ResponseTemplate);
        PushNotifiSendResult result;
        try
        {
            result = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (AskFailed(activity, error))
        {
            throw; // never reached: the filter only marks the span
        }

        if (string.IsNullOrWhiteSpace(result.AlertId))
        {
            PushNotifiActivities.Fail(activity, TelemetryTags.SendOutcome, TelemetryTags.Failed, TelemetryTags.KindName(PushNotifiFailureKind.ApiError));
            throw _transport.Fail(
                "request ack",
                "PushNotifi accepted the question but its answer has no alert_id, so no answer can be awaited. "
                + $"Check that {PushNotifiEnvironmentVariables.ApiBaseUrl} points at a PushNotifi API that tracks emergency alerts.",
                status: 200);
        }

        activity?.SetTag(TelemetryTags.SendOutcome, result.Duplicate ? TelemetryTags.Duplicate : TelemetryTags.Delivered);
        _metrics.RecordQuestion(message.ResponseTemplate.Value);
        return result.AlertId;
    }

    private static bool AskFailed(Activity? activity, Exception error)
    {
        PushNotifiActivities.Fail(activity, TelemetryTags.SendOutcome, TelemetryTags.Failed, TelemetryTags.ErrorTypeOf(error));
        return false;
    }

    /// <inheritdoc />
    public Task<PushNotifiAckStatus> GetAckStatusAsync(string alertId, CancellationToken cancellationToken = default)
    {
        ValidateAlertId(alertId);
        return ReadStatusAsync(alertId, _transport.Resilience.Retrying, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PushNotifiAckResult> AwaitAckAsync(
        string alertId,
        TimeSpan? timeout = null,
        IProgress<PushNotifiAckProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ValidateAlertId(alertId);
        using var activity = PushNotifiActivities.StartAwait();
        var started = TimeProvider.GetTimestamp();
        try
        {
            var result = await WaitForAnswerAsync(alertId, timeout, progress, cancellationToken).ConfigureAwait(false);
            var outcome = TelemetryTags.AnswerOf(result);
            activity?.SetTag(TelemetryTags.AnswerOutcome, outcome);
            activity?.SetTag(TelemetryTags.PollCount, result.Polls);
            _metrics.RecordAnswerWait(outcome, errorType: null, result.Elapsed);
            return result;
        }
        catch (Exception error) when (WaitFailed(activity, error, started))
        {
            throw; // never reached: the filter only records
        }
    }

    // A wait that threw: cancelled by the caller, or ended by an answer that is not worth waiting out (never a yes).
    private bool WaitFailed(Activity? activity, Exception error, long started)
    {
        var (outcome, errorType) = error is OperationCanceledException
            ? (TelemetryTags.Cancelled, (string?)null)
            : (TelemetryTags.Failed, TelemetryTags.ErrorTypeOf(error));
        if (errorType is null)
        {
            activity?.SetTag(TelemetryTags.AnswerOutcome, outcome);
        }
        else
        {
            PushNotifiActivities.Fail(activity, TelemetryTags.AnswerOutcome, outcome, errorType);
        }

        _metrics.RecordAnswerWait(outcome, errorType, TimeProvider.GetElapsedTime(started));
        return false;
    }

    private async Task<PushNotifiAckResult> WaitForAnswerAsync(
        string alertId,
        TimeSpan? timeout,
        IProgress<PushNotifiAckProgress>? progress,
        CancellationToken cancellationToken)
    {
        var polling = _options.AckPolling;
        var wait = timeout ?? polling.DefaultTimeout;
        if (wait <= TimeSpan.Zero || wait > PushNotifiLimits.AckTimeoutMax)
        {
            throw new PushNotifiValidationException(
                "timeout",
                $"timeout must be more than zero and at most {PushNotifiLimits.AckTimeoutMax.TotalSeconds:0} s; it was {wait.TotalSeconds:0.###} s.");
        }

        var time = TimeProvider;
        var started = time.GetTimestamp();
        var polls = 0;
        var pause = TimeSpan.Zero;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? problem = null;
            TimeSpan? retryAfter = null;
            try
            {
                // One attempt per poll: the loop itself is the retry, bounded by the deadline.
                var status = await ReadStatusAsync(alertId, _transport.Resilience.Single, cancellationToken).ConfigureAwait(false);
                polls++;
                if (status.Acked)
                {
                    var answeredAfter = time.GetElapsedTime(started);
                    progress?.Report(new PushNotifiAckProgress(alertId, answeredAfter, wait, polls, TimeSpan.Zero, null));
                    return new PushNotifiAckResult
                    {
                        AlertId = alertId,
                        Acked = true,
                        Response = status.Response,
                        Comment = status.Comment,
                        AckedAt = status.AckedAt,
                        AckedByDeviceId = status.AckedByDeviceId,
                        Elapsed = answeredAfter,
                        Polls = polls,
                    };
                }
            }
            catch (PushNotifiException ex) when (IsTransientWhileWaiting(ex))
            {
                polls++;
                problem = ex.StatusCode is { } code ? "HTTP " + code.ToString(CultureInfo.InvariantCulture) : "no answer from the API";
                retryAfter = ex.RetryAfter;
            }

            var elapsed = time.GetElapsedTime(started);
            var remaining = wait - elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                progress?.Report(new PushNotifiAckProgress(alertId, elapsed, wait, polls, TimeSpan.Zero, problem));
                return new PushNotifiAckResult { AlertId = alertId, TimedOut = true, Elapsed = elapsed, Polls = polls };
            }

            pause = polling.NextDelay(elapsed, pause);
            if (retryAfter is { } asked && asked > pause)
            {
                pause = asked < PushNotifiLimits.AckRetryAfterMax ? asked : PushNotifiLimits.AckRetryAfterMax;
            }

            var next = pause < remaining ? pause : remaining;

            // The timer starts before progress is told, so a listener that moves a test clock cannot run ahead of it.
            var delay = Task.Delay(next, time, cancellationToken);
            progress?.Report(new PushNotifiAckProgress(alertId, elapsed, wait, polls, next, problem));
            await delay.ConfigureAwait(false);
        }
    }

    /// <summary>One status read with a single attempt, for loops that are their own retry (team approvals).</summary>
    internal Task<PushNotifiAckStatus> ReadStatusOnceAsync(string alertId, CancellationToken cancellationToken)
    {
        ValidateAlertId(alertId);
        return ReadStatusAsync(alertId, _transport.Resilience.Single, cancellationToken);
    }

    /// <summary>Network failures, 429 and 502/503/504 are worth waiting out; any other answer ends the wait.</summary>
    internal static bool IsTransientWhileWaiting(PushNotifiException exception) =>
        exception.StatusCode is null or 429 or 502 or 503 or 504;

    private async Task<PushNotifiAckStatus> ReadStatusAsync(string alertId, Polly.ResiliencePipeline<HttpResponseMessage> pipeline, CancellationToken cancellationToken)
    {
        AckStatusResponse response;
        try
        {
            response = await _transport.CallAsync(
                "ack status",
                HttpMethod.Get,
                "/api/v1/alerts/" + Uri.EscapeDataString(alertId) + "/status",
                body: null,
                pipeline,
                PushNotifiJsonContext.Default.AckStatusResponse,
                AlertNotFoundHint,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (PollFailed())
        {
            throw; // never reached: the filter only counts
        }

        _metrics.RecordPoll(response.Acked ? TelemetryTags.Answered : TelemetryTags.Pending);

        return new PushNotifiAckStatus
        {
            AlertId = alertId,
            Acked = response.Acked,
            AckedAt = DateTimeOffset.TryParse(response.AckedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            AckedByDeviceId = response.AckedByDeviceId,
            Response = response.Response is null ? null : Redactor.Redact(response.Response),
            Comment = response.Comment is null ? null : Redactor.Redact(response.Comment),
        };
    }

    private bool PollFailed()
    {
        _metrics.RecordPoll(TelemetryTags.Failed);
        return false;
    }

    private static void ValidateAlertId(string alertId)
    {
        if (string.IsNullOrWhiteSpace(alertId))
        {
            throw new PushNotifiValidationException("alert_id", "alert_id must not be empty; pass the id that RequestAckAsync returned.");
        }

        if (alertId.Length > PushNotifiLimits.AlertIdLength)
        {
            throw new PushNotifiValidationException("alert_id", $"alert_id is {alertId.Length} characters; the API's ids are at most {PushNotifiLimits.AlertIdLength}.");
        }
    }
}
