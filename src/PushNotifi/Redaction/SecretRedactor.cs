namespace PushNotifi.Redaction;

/// <summary>
/// The redaction pass itself, behind the public <c>Redactor</c>: the three detectors, then one write. This
/// folder is also compiled into the sandbox (which must not depend on the runtime's client), so it depends on nothing
/// outside it.
/// </summary>
internal sealed class SecretRedactor(KeywordIndex keywords, bool keyShapes = true)
{
    /// <summary>The ellipsis that stands in for a removed secret.</summary>
    public const string Ellipsis = "…";

    /// <summary>Secrets shorter than this are shown as the ellipsis alone, since four characters would give away too much.</summary>
    public const int MinimumLengthForLastFour = 8;

    /// <summary>A pass that knows no configured secret: the secret shapes alone.</summary>
    public static SecretRedactor Default { get; } = new(KeywordIndex.Default);

    /// <summary>
    /// The secret shapes without the bare PushNotifi and Twilio key shapes (32 or 34 letters and digits with no prefix):
    /// for the sandbox, whose own key-shape rule knows its keys and leaves base64 attachments whole, where this one would
    /// take a 32-character stretch between two <c>/</c> for a key.
    /// </summary>
    public static SecretRedactor WithoutKeyShapes { get; } = new(KeywordIndex.Default, keyShapes: false);

    /// <summary>Returns <paramref name="text"/> with every secret found replaced; null gives an empty string, clean text the same instance.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Every detector only records spans; the text is copied once, at the end, and only if something was found.
        var spans = default(SecretSpans);
        try
        {
            SecretScanner.Collect(text, keywords, ref spans);
            TokenScanner.Collect(text, ref spans, keyShapes);
            AssignmentScanner.Collect(text, ref spans);
            return spans.Apply(text);
        }
        finally
        {
            spans.Dispose();
        }
    }
}
