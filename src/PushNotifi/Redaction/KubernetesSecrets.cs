namespace PushNotifi.Redaction;

/// <summary>
/// The values of a Kubernetes Secret manifest: once <c>kind: Secret</c> is found, each <c>name: value</c> line of the
/// <c>data:</c> or <c>stringData:</c> block of the same YAML document (before or after it, documents split by
/// <c>---</c>) loses its value. Templates (<c>{{ … }}</c>), empty strings and placeholders stay.
/// </summary>
internal static class KubernetesSecrets
{
    // How far from "kind: Secret" a document is read each way; bounds the work per hit.
    private const int Reach = 4096;

    /// <summary>Adds a span for each value of the data blocks in the document around <paramref name="start"/>; returns the document's end.</summary>
    public static int Collect(ReadOnlySpan<char> text, int start, int length, ref SecretSpans spans)
    {
        var from = Math.Max(0, start - Reach);
        var before = text[from..start].LastIndexOf("\n---", StringComparison.Ordinal);
        var documentStart = before < 0 ? from : from + before + 4;
        var to = Math.Min(text.Length, start + length + Reach);
        var after = text[(start + length)..to].IndexOf("\n---", StringComparison.Ordinal);
        var documentEnd = after < 0 ? to : start + length + after;

        var inData = false;
        var dataIndent = 0;
        var lineStart = documentStart;
        while (lineStart < documentEnd)
        {
            var newline = text[lineStart..documentEnd].IndexOf('\n');
            var lineEnd = newline < 0 ? documentEnd : lineStart + newline;
            var line = text[lineStart..lineEnd].TrimEnd('\r');
            var indent = line.Length - line.TrimStart(' ').Length;
            var content = line[indent..];
            if (content.StartsWith("data:", StringComparison.Ordinal) || content.StartsWith("stringData:", StringComparison.Ordinal))
            {
                inData = true;
                dataIndent = indent;
            }
            else if (inData && content.Length > 0 && indent <= dataIndent)
            {
                inData = false;
            }
            else if (inData && content.Length > 0)
            {
                AddValue(text, lineStart + indent, content, ref spans);
            }

            lineStart = lineEnd + 1;
        }

        return documentEnd;
    }

    private static void AddValue(ReadOnlySpan<char> text, int contentStart, ReadOnlySpan<char> content, ref SecretSpans spans)
    {
        var colon = content.IndexOf(':');
        if (colon <= 0)
        {
            return;
        }

        var valueOffset = colon + 1 + (content.Length - colon - 1 - content[(colon + 1)..].TrimStart(" \t").Length);
        var value = content[valueOffset..].TrimEnd(" \t");
        if (value.Length > 1 && value[0] is '"' or '\'' && value[^1] == value[0])
        {
            valueOffset++;
            value = value[1..^1];
        }

        if (value.Length < 3 || value.StartsWith("{{", StringComparison.Ordinal) || value[0] is '|' or '>' || ValueChecks.IsPlaceholder(value))
        {
            return;
        }

        spans.Add(contentStart + valueOffset, contentStart + valueOffset + value.Length, null);
    }
}
