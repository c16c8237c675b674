using System.Text.Json;

namespace PushNotifi.Sandbox.Api;

/// <summary>
/// A request body read as one JSON object of known fields, for every endpoint that takes JSON. It refuses an unknown
/// field (suggesting the known one it resembles) and a string that cannot be text (an escaped lone surrogate, invalid
/// UTF-8), each as an error naming the field. Reads the raw bytes: decoded text would have hidden invalid UTF-8.
/// </summary>
internal sealed class JsonFields
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly Dictionary<string, JsonElement> _fields;

    private JsonFields(Dictionary<string, JsonElement> fields) => _fields = fields;

    /// <summary>Reads <paramref name="body"/>; returns null and an error (field <c>body</c> or the unknown field) when it is not an object of <paramref name="allowed"/> fields.</summary>
    public static JsonFields? Read(ReadOnlyMemory<byte> body, IReadOnlyList<string> allowed, out ApiError? error)
    {
        error = null;
        if (body.Span.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            error = MessageValidator.Invalid("body", "The request body is empty; send a JSON object.");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = MessageValidator.Invalid("body", "The request body must be a JSON object.");
                return null;
            }

            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    error = Unknown(property.Name, allowed);
                    return null;
                }

                fields[property.Name] = property.Value.Clone();
            }

            return new JsonFields(fields);
        }
        catch (JsonException)
        {
            // The parser's message quotes the body; keep it out of the answer.
            error = MessageValidator.Invalid("body", "The request body is not valid JSON.");
            return null;
        }
        catch (InvalidOperationException)
        {
            // A field name that is not text (invalid UTF-8 or a lone surrogate): there is no name to report.
            error = MessageValidator.Invalid("body", "A field name in the request body is not valid UTF-8 text.");
            return null;
        }
    }

    /// <summary>The string field <paramref name="name"/> (null when absent or null); false with an error for another type or text that is not valid Unicode.</summary>
    public bool TryString(string name, out string? value, out ApiError? error)
    {
        value = null;
        error = null;
        if (!_fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = MessageValidator.Invalid(name, $"{name} must be a string.");
            return false;
        }

        try
        {
            value = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            error = MessageValidator.Invalid(name, $"{name} is not valid text: it holds invalid UTF-8 or an unpaired surrogate escape (\\ud800-\\udfff).");
            return false;
        }
    }

    /// <summary>The whole-number field <paramref name="name"/> (null when absent or null); false with an error otherwise.</summary>
    public bool TryInt(string name, out int? value, out ApiError? error) =>
        TryNumber(name, "a whole number", static (JsonElement element, out int number) => element.TryGetInt32(out number), out value, out error);

    /// <summary>The number field <paramref name="name"/> (null when absent or null); false with an error otherwise.</summary>
    public bool TryDouble(string name, out double? value, out ApiError? error) =>
        TryNumber(name, "a number", static (JsonElement element, out double number) => element.TryGetDouble(out number), out value, out error);

    private delegate bool NumberReader<T>(JsonElement element, out T number);

    private bool TryNumber<T>(string name, string kind, NumberReader<T> read, out T? value, out ApiError? error)
        where T : struct
    {
        value = null;
        error = null;
        if (!_fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number || !read(element, out var number))
        {
            error = MessageValidator.Invalid(name, $"{name} must be {kind}.");
            return false;
        }

        value = number;
        return true;
    }

    private static ApiError Unknown(string name, IReadOnlyList<string> allowed)
    {
        var shown = name.Length <= 64 ? name : name[..64] + "…";
        var nearest = FieldNames.Nearest(name, allowed);
        return MessageValidator.Invalid(name, nearest is null
            ? $"Unknown field '{shown}'. Known fields: {string.Join(", ", allowed)}."
            : $"Unknown field '{shown}': did you mean '{nearest}'?");
    }
}
