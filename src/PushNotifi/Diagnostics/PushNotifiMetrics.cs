using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PushNotifi.Diagnostics;

/// <summary>
/// The runtime's instruments on one <see cref="Meter"/> named <see cref="PushNotifiTelemetry.MeterName"/>: from the
/// container's <see cref="IMeterFactory"/> under DI (one instance per container), else <see cref="Shared"/>. Each
/// record checks <see cref="Instrument.Enabled"/> first, so with no listener a call costs a field read.
/// </summary>
internal sealed class PushNotifiMetrics
{
    internal const string Sends = "pushnotifi.client.sends";
    internal const string SendDuration = "pushnotifi.client.send.duration";
    internal const string Questions = "pushnotifi.client.questions";
    internal const string AnswerWait = "pushnotifi.client.answer.wait";
    internal const string StatusPolls = "pushnotifi.client.ack.polls";
    internal const string Redactions = "pushnotifi.redactions";

    private static readonly Lazy<PushNotifiMetrics> s_shared = new(() => new PushNotifiMetrics(new Meter(PushNotifiTelemetry.MeterName, Version)));

    // Sends take milliseconds to seconds (with retries up to the total timeout); answers take seconds to an hour.
    private static readonly double[] s_sendBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] s_answerBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

    private readonly Counter<long> _sends;
    private readonly Histogram<double> _sendDuration;
    private readonly Counter<long> _questions;
    private readonly Histogram<double> _answerWait;
    private readonly Counter<long> _polls;
    private readonly Counter<long> _redactions;

    internal PushNotifiMetrics(Meter meter)
    {
        Meter = meter;
        _sends = meter.CreateCounter<long>(Sends, "{send}", "Sends by outcome: delivered, duplicate, failed, rate_limited, suppressed.");
        _sendDuration = meter.CreateHistogram(
            SendDuration,
            "s",
            "How long a send took, retries included.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = s_sendBuckets });
        _questions = meter.CreateCounter<long>(Questions, "{question}", "Questions the API accepted, by response template.");
        _answerWait = meter.CreateHistogram(
            AnswerWait,
            "s",
            "How long a wait for an answer took, by outcome: approved, declined, answered, expired, cancelled, failed.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = s_answerBuckets });
        _polls = meter.CreateCounter<long>(StatusPolls, "{poll}", "Reads of a question's status, by result: answered, pending, failed.");
        _redactions = meter.CreateCounter<long>(Redactions, "{text}", "Texts the redactor changed, by family: configured (a key of this client) or pattern (a secret shape).");
    }

    /// <summary>For code with no container: a process-wide meter, made on first use.</summary>
    internal static PushNotifiMetrics Shared => s_shared.Value;

    internal Meter Meter { get; }

    /// <summary>Whether a send's outcome or duration is being listened to.</summary>
    internal bool SendsObserved => _sends.Enabled || _sendDuration.Enabled;

    private static string? Version => typeof(PushNotifiMetrics).Assembly.GetName().Version?.ToString();

    /// <summary>The container's instruments, or <see cref="Shared"/> when it has no <see cref="IMeterFactory"/>.</summary>
    internal static PushNotifiMetrics Create(IMeterFactory? factory) =>
        factory is null ? Shared : new PushNotifiMetrics(factory.Create(new MeterOptions(PushNotifiTelemetry.MeterName) { Version = Version }));

    internal void RecordSend(string outcome, string? errorType, PushNotifiPriority? priority, TimeSpan? duration)
    {
        var tags = new TagList
        {
            { TelemetryTags.SendOutcome, outcome },
            { TelemetryTags.Priority, TelemetryTags.PriorityName(priority) },
        };
        if (errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, errorType);
        }

        _sends.Add(1, tags);
        if (duration is { } took)
        {
            _sendDuration.Record(took.TotalSeconds, tags);
        }
    }

    internal void RecordSuppressed(PushNotifiPriority? priority)
    {
        if (_sends.Enabled)
        {
            RecordSend(TelemetryTags.Suppressed, errorType: null, priority, duration: null);
        }
    }

    internal void RecordQuestion(PushNotifiResponseTemplate template)
    {
        if (_questions.Enabled)
        {
            _questions.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ResponseTemplate, TemplateName(template)));
        }
    }

    internal void RecordAnswerWait(string outcome, string? errorType, TimeSpan waited)
    {
        if (!_answerWait.Enabled)
        {
            return;
        }

        var tags = new TagList { { TelemetryTags.AnswerOutcome, outcome } };
        if (errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, errorType);
        }

        _answerWait.Record(waited.TotalSeconds, tags);
    }

    internal void RecordPoll(string result)
    {
        if (_polls.Enabled)
        {
            _polls.Add(1, new KeyValuePair<string, object?>(TelemetryTags.PollResult, result));
        }
    }

    /// <summary>Whether redactions are listened to; checked before the family is worked out.</summary>
    internal bool RedactionsObserved => _redactions.Enabled;

    internal void RecordRedaction(string family) =>
        _redactions.Add(1, new KeyValuePair<string, object?>(TelemetryTags.RedactionFamily, family));

    internal static string TemplateName(PushNotifiResponseTemplate template) =>
        Enum.IsDefined(template) ? PushNotifiResponseTemplates.ToWireName(template) : "_OTHER";
}
