using System.Globalization;

namespace PushNotifi.Cli.Commands;

/// <summary>Reads a duration as <c>ask</c> takes it: whole seconds (<c>90</c>) or a number with <c>s</c>, <c>m</c> or <c>h</c> (<c>10m</c>, <c>1h</c>).</summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var unit = text.Length > 0 ? char.ToLowerInvariant(text[^1]) : ' ';
        var (digits, seconds) = unit switch
        {
            's' => (text[..^1], 1),
            'm' => (text[..^1], 60),
            'h' => (text[..^1], 3600),
            _ => (text, 1),
        };
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > int.MaxValue / seconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds((long)count * seconds);
        return true;
    }
}
