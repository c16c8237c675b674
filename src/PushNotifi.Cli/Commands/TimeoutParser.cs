using System.CommandLine.Parsing;
using System.Globalization;

namespace PushNotifi.Cli.Commands;

/// <summary>Parses <c>ask --timeout</c>: whole seconds (or <c>10m</c>, <c>1h</c>), 1 s..<see cref="PushNotifiLimits.AckTimeoutMax"/>.</summary>
internal static class TimeoutParser
{
    /// <summary>The longest timeout, in seconds.</summary>
    public static readonly int MaxSeconds = (int)PushNotifiLimits.AckTimeoutMax.TotalSeconds;

    /// <summary>The <c>CustomParser</c> for the option.</summary>
    public static int Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1 && seconds <= MaxSeconds)
        {
            return seconds;
        }

        if (DurationText.TryParse(text, out var duration) && duration >= TimeSpan.FromSeconds(1) && duration.TotalSeconds <= MaxSeconds)
        {
            return (int)duration.TotalSeconds;
        }

        result.AddError($"--timeout must be whole seconds, 1..{MaxSeconds} (got '{text}').");
        return 0;
    }
}
