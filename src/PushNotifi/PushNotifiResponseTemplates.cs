using System.Diagnostics.CodeAnalysis;

namespace PushNotifi;

/// <summary>The wire names and button labels of each <see cref="PushNotifiResponseTemplate"/>, exactly as the API has them.</summary>
public static class PushNotifiResponseTemplates
{
    private static readonly string[] s_affirmative = ["Acknowledge", "Yes", "Approve", "Proceed", "Confirm"];

    /// <summary>Every template's wire name, in enum order: <c>ack</c>, <c>yes_no</c>, <c>approve_deny</c>, <c>proceed_abort</c>, <c>confirm_cancel</c>, <c>freetext</c>.</summary>
    public static IReadOnlyList<string> WireNames { get; } = ["ack", "yes_no", "approve_deny", "proceed_abort", "confirm_cancel", "freetext"];

    /// <summary>The wire name of <paramref name="template"/>, e.g. <c>approve_deny</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined template.</exception>
    public static string ToWireName(PushNotifiResponseTemplate template) =>
        Enum.IsDefined(template) ? WireNames[(int)template] : throw new ArgumentOutOfRangeException(nameof(template), template, "Not a response template.");

    /// <summary>Parses a wire name (<c>approve_deny</c>) or an enum name (<c>ApproveDeny</c>), ignoring case.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PushNotifiResponseTemplate template)
    {
        for (var i = 0; i < WireNames.Count; i++)
        {
            if (string.Equals(text, WireNames[i], StringComparison.OrdinalIgnoreCase))
            {
                template = (PushNotifiResponseTemplate)i;
                return true;
            }
        }

        return Enum.TryParse(text, ignoreCase: true, out template) && Enum.IsDefined(template) && !int.TryParse(text, out _);
    }

    /// <summary>The button labels of <paramref name="template"/>, affirmative first; empty for <see cref="PushNotifiResponseTemplate.FreeText"/>.</summary>
    public static IReadOnlyList<string> Labels(PushNotifiResponseTemplate template) => template switch
    {
        PushNotifiResponseTemplate.Ack => ["Acknowledge"],
        PushNotifiResponseTemplate.YesNo => ["Yes", "No"],
        PushNotifiResponseTemplate.ApproveDeny => ["Approve", "Deny"],
        PushNotifiResponseTemplate.ProceedAbort => ["Proceed", "Abort"],
        PushNotifiResponseTemplate.ConfirmCancel => ["Confirm", "Cancel"],
        PushNotifiResponseTemplate.FreeText => [],
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "Not a response template."),
    };

    /// <summary>
    /// Whether a recorded answer says yes: one of Acknowledge, Yes, Approve, Proceed, Confirm (exact labels), or a
    /// binary acknowledgement (acked with no response, as the API stores for <c>ack</c>). A typed reply is never affirmative.
    /// </summary>
    /// <param name="acked">Whether the alert was acknowledged at all; false is never affirmative.</param>
    /// <param name="response">The recorded response label or reply.</param>
    public static bool IsAffirmative(bool acked, string? response) =>
        acked && (response is null || Array.IndexOf(s_affirmative, response) >= 0);
}
