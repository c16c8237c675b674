namespace PushNotifi.Sandbox;

/// <summary>
/// The <c>alert_response_template</c> values of the wire contract and the buttons each one shows.
/// </summary>
public static class AlertTemplates
{
    /// <summary>A single "Acknowledge" button; the ack is stored with a null response.</summary>
    public const string Ack = "ack";

    /// <summary>A typed reply instead of buttons.</summary>
    public const string FreeText = "freetext";

    /// <summary>The one label of <see cref="Ack"/> (and of an alert without a template).</summary>
    public const string AcknowledgeLabel = "Acknowledge";

    private static readonly Dictionary<string, string[]> LabelsByTemplate = new(StringComparer.Ordinal)
    {
        [Ack] = [AcknowledgeLabel],
        ["yes_no"] = ["Yes", "No"],
        ["approve_deny"] = ["Approve", "Deny"],
        ["proceed_abort"] = ["Proceed", "Abort"],
        ["confirm_cancel"] = ["Confirm", "Cancel"],
        [FreeText] = [],
    };

    /// <summary>Every template name, in the contract's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. LabelsByTemplate.Keys];

    /// <summary>Whether <paramref name="template"/> is one of <see cref="Names"/> (case-sensitive).</summary>
    public static bool IsKnown(string? template) => template is not null && LabelsByTemplate.ContainsKey(template);

    /// <summary>
    /// The buttons of <paramref name="template"/>: no template is a plain acknowledgement (as <see cref="Ack"/>),
    /// <see cref="FreeText"/> has none.
    /// </summary>
    public static IReadOnlyList<string> Labels(string? template) =>
        LabelsByTemplate.TryGetValue(template ?? Ack, out var labels) ? labels : [];
}
