using System.CommandLine.Parsing;
using System.Globalization;

namespace PushNotifi.Cli.Commands;

/// <summary>Parses <c>sandbox --port</c>: a whole number, 0..65535 (0 picks a free port).</summary>
internal static class PortParser
{
    /// <summary>The <c>CustomParser</c> for the option: one error naming the option, whether the text is not a number or out of range.</summary>
    public static int Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535)
        {
            return port;
        }

        result.AddError($"--port must be a whole number between 0 and 65535 (got '{text}').");
        return 0;
    }
}
