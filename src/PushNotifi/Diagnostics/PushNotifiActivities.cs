using System.Diagnostics;

namespace PushNotifi.Diagnostics;

/// <summary>
/// The runtime's spans, on one <see cref="ActivitySource"/> named <see cref="PushNotifiTelemetry.ActivitySourceName"/>.
/// A span is made only when someone listens; the <c>HttpClient</c> spans of its requests become its children.
/// Attributes come from <see cref="TelemetryTags"/> only: never a key, a text or a raw idempotency key.
/// </summary>
internal static class PushNotifiActivities
{
    internal const string SendName = "pushnotifi send";
    internal const string AskName = "pushnotifi ask";
    internal const string AwaitName = "pushnotifi await answer";

    internal static readonly ActivitySource Source = new(
        PushNotifiTelemetry.ActivitySourceName,
        typeof(PushNotifiActivities).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a send's span; the caller adds the idempotency key's fingerprint once the message is validated.</summary>
    internal static Activity? StartSend(PushNotifiMessage message)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(SendName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryTags.Priority, TelemetryTags.PriorityName(message.Priority));
            activity.SetTag(TelemetryTags.RecipientType, message.Type == PushNotifiRecipientType.User ? "user" : "group");
            if (message.ResponseTemplate is { } template)
            {
                activity.SetTag(TelemetryTags.ResponseTemplate, PushNotifiMetrics.TemplateName(template));
            }
        }

        return activity;
    }

    internal static Activity? StartAsk(PushNotifiResponseTemplate? template)
    {
        var activity = Source.StartActivity(AskName, ActivityKind.Client);
        activity?.SetTag(TelemetryTags.ResponseTemplate, PushNotifiMetrics.TemplateName(template ?? PushNotifiResponseTemplate.Ack));
        return activity;
    }

    internal static Activity? StartAwait() => Source.StartActivity(AwaitName, ActivityKind.Client);

    /// <summary>Marks a span failed with <c>error.type</c>; the exception's message stays out (it may quote the API).</summary>
    internal static void Fail(Activity? activity, string outcomeTag, string outcome, string errorType)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(outcomeTag, outcome);
        activity.SetTag(TelemetryTags.ErrorType, errorType);
        activity.SetStatus(ActivityStatusCode.Error);
    }
}
