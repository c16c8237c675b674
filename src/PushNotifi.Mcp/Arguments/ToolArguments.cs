using System.Globalization;
using System.Text.Json;
using PushNotifi.Mcp.Errors;

namespace PushNotifi.Mcp.Arguments;

/// <summary>
/// A call's arguments after the checks their schema promises: no unknown names, required ones present, types,
/// enums, maximum lengths (in UTF-16 units, as the upstream counts) and integer ranges. Any breach is <c>INVALID_ARG</c>.
/// </summary>
internal sealed class ToolArguments
{
    private readonly Dictionary<string, JsonElement> _values;

    private ToolArguments(Dictionary<string, JsonElement> values) => _values = values;

    /// <summary>Checks <paramref name="given"/> against <paramref name="specs"/>.</summary>
    /// <exception cref="ToolFailure">An argument breaks the schema.</exception>
    internal static ToolArguments Read(string tool, IReadOnlyList<ArgumentSpec> specs, IDictionary<string, JsonElement>? given)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in given ?? new Dictionary<string, JsonElement>())
        {
            var spec = specs.FirstOrDefault(s => s.Name == name);
            if (spec is null)
            {
                var known = specs.Count == 0 ? "it takes no arguments" : "it takes " + string.Join(", ", specs.Select(s => s.Name));
                throw ToolFailure.InvalidArgument(name, $"{tool} has no argument '{name}'; {known}.");
            }

            Check(tool, spec, value);
            values[name] = value;
        }

        foreach (var spec in specs.Where(s => s.Required && !values.ContainsKey(s.Name)))
        {
            throw ToolFailure.InvalidArgument(spec.Name, $"{tool} needs '{spec.Name}'.");
        }

        return new ToolArguments(values);
    }

    /// <summary>A string argument, or null when absent.</summary>
    internal string? String(string name) => _values.TryGetValue(name, out var value) ? value.GetString() : null;

    /// <summary>An integer argument, or null when absent.</summary>
    internal long? Integer(string name) => _values.TryGetValue(name, out var value) ? (long)value.GetDouble() : null;

    private static void Check(string tool, ArgumentSpec spec, JsonElement value)
    {
        switch (spec.Type)
        {
            case ArgumentSpec.String when value.ValueKind != JsonValueKind.String:
                throw ToolFailure.InvalidArgument(spec.Name, $"{tool}: '{spec.Name}' must be a string, not {Describe(value)}.");

            case ArgumentSpec.String:
                var text = value.GetString()!;
                if (spec.MaxLength is { } max && text.Length > max)
                {
                    throw ToolFailure.InvalidArgument(spec.Name, $"{tool}: '{spec.Name}' is {text.Length} characters; the limit is {max}.");
                }

                if (spec.Enum is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
                {
                    throw ToolFailure.InvalidArgument(spec.Name, $"{tool}: '{spec.Name}' must be one of {string.Join(", ", allowed)}.");
                }

                break;

            case ArgumentSpec.Integer:
                // 2.0 is an integer in JSON Schema (and in JavaScript); 2.5 is not.
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number != Math.Floor(number) || double.IsInfinity(number))
                {
                    throw ToolFailure.InvalidArgument(spec.Name, $"{tool}: '{spec.Name}' must be a whole number, not {Describe(value)}.");
                }

                if ((spec.Minimum is { } minimum && number < minimum) || (spec.Maximum is { } maximum && number > maximum))
                {
                    throw ToolFailure.InvalidArgument(spec.Name, $"{tool}: '{spec.Name}' must be {Range(spec)}; it was {number.ToString(CultureInfo.InvariantCulture)}.");
                }

                break;
        }
    }

    private static string Range(ArgumentSpec spec) => (spec.Minimum, spec.Maximum) switch
    {
        ({ } min, { } max) => $"from {min} to {max}",
        ({ } min, null) => $"at least {min}",
        (null, { } max) => $"at most {max}",
        _ => "a whole number",
    };

    // Names the JSON kind only: the value itself might be something the caller should not see echoed.
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
