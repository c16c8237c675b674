using System.Globalization;
using System.Text;

namespace PushNotifi.Mcp.Idempotency;

/// <summary>
/// Writes JSON text exactly as JavaScript's <c>JSON.stringify</c> does, since the upstream server hashes that text:
/// only <c>"</c>, <c>\</c>, control characters and lone surrogates are escaped; every other character (non-ASCII,
/// <c>&lt;</c>, <c>&amp;</c>, U+2028) stays as it is. System.Text.Json's encoders escape more, so they cannot be used.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>
    /// One JSON object without spaces, its members sorted by name (ordinal, as JavaScript sorts strings). A value is a
    /// string, a whole number or null.
    /// </summary>
    internal static string Object(params ReadOnlySpan<(string Name, object? Value)> members)
    {
        var sorted = members.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var text = new StringBuilder(128);
        foreach (var (name, value) in sorted)
        {
            text.Append(text.Length == 0 ? '{' : ',');
            AppendString(text, name);
            text.Append(':');
            if (value is long number)
            {
                AppendInteger(text, number);
            }
            else
            {
                AppendString(text, (string?)value);
            }
        }

        return text.Append('}').ToString();
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string, or <c>null</c>.</summary>
    internal static void AppendString(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("null");
            return;
        }

        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ' || IsLoneSurrogate(value, i))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>Appends <paramref name="value"/> as a plain JSON number, or <c>null</c>.</summary>
    internal static void AppendInteger(StringBuilder text, long? value) =>
        text.Append(value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "null");

    private static bool IsLoneSurrogate(string value, int index)
    {
        var c = value[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(value[index - 1]));
    }
}
