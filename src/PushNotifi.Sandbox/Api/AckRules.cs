namespace PushNotifi.Sandbox.Api;

/// <summary>
/// Checks an ack's <c>response</c> and <c>comment</c> against the template stored with the alert, so
/// nobody can record an answer the person was never offered. The one rule set for the API and the inbox page.
/// </summary>
internal static class AckRules
{
    private const string LegacySeparator = "\n\n";

    /// <summary>The response and comment to store, or the 400 answer naming the field.</summary>
    public static (string? Response, string? Comment, ApiError? Error) Check(string? template, string? response, string? comment)
    {
        // Older apps put the note under the label in one string; split it when no separate comment came.
        if (comment is null && template != AlertTemplates.FreeText
            && response?.IndexOf(LegacySeparator, StringComparison.Ordinal) is int at and >= 0)
        {
            comment = response[(at + LegacySeparator.Length)..];
            response = response[..at];
        }

        if (comment is not null && comment.Length > SandboxLimits.CommentMaxLength)
        {
            return (null, null, MessageValidator.Invalid("comment", $"comment must have at most {SandboxLimits.CommentMaxLength} characters."));
        }

        if (template == AlertTemplates.FreeText)
        {
            if (string.IsNullOrWhiteSpace(response))
            {
                return (null, null, MessageValidator.Invalid("response", "This alert takes a typed reply: response must not be empty."));
            }

            return response.Length > SandboxLimits.ResponseMaxLength
                ? (null, null, MessageValidator.Invalid("response", $"response must have at most {SandboxLimits.ResponseMaxLength} characters."))
                : (response, comment, null);
        }

        var labels = AlertTemplates.Labels(template);
        if (template is null or AlertTemplates.Ack)
        {
            // A plain acknowledgement: the button's label carries no answer, so none is stored.
            return response is null or AlertTemplates.AcknowledgeLabel
                ? (null, comment, null)
                : (null, null, NotALabel(labels, optional: true));
        }

        return response is not null && labels.Contains(response, StringComparer.Ordinal)
            ? (response, comment, null)
            : (null, null, NotALabel(labels, optional: false));
    }

    private static ApiError NotALabel(IReadOnlyList<string> labels, bool optional)
    {
        var allowed = string.Join(", ", labels);
        var message = optional
            ? $"This alert is a plain acknowledgement: response must be absent or one of: {allowed}."
            : $"response must be one of this alert's labels: {allowed}.";
        return MessageValidator.Invalid("response", message) with { Allowed = labels };
    }
}
