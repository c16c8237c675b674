using System.CommandLine.Parsing;

namespace PushNotifi.Cli.Commands;

/// <summary>Parses <c>--priority</c>: -2..2 or a name (lowest, low, normal, high, emergency).</summary>
internal static class PriorityParser
{
    /// <summary>The <c>CustomParser</c> for the option.</summary>
    public static PushNotifiPriority? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && Enum.IsDefined((PushNotifiPriority)number))
        {
            return (PushNotifiPriority)number;
        }

        if (!int.TryParse(text, out _) && Enum.TryParse<PushNotifiPriority>(text, ignoreCase: true, out var named))
        {
            return named;
        }

        result.AddError($"--priority must be -2..2 or lowest, low, normal, high, emergency (got '{text}').");
        return null;
    }
}
