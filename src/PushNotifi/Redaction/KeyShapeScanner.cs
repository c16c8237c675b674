using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>
/// Finds long key-shaped words that no keyword announces: PushNotifi user and group keys (32 letters or digits
/// starting with u or g, with at least one digit) and Twilio API keys (<c>SK</c> and 32 hex digits). Every such word
/// is at least 32 characters long, so it covers one of every 32nd position: the scanner looks only there and
/// measures the word around it, which reads about a tenth of a clean text.
/// </summary>
internal static class KeyShapeScanner
{
    private const int Shortest = PushNotifiLimits.KeyLength;

    private const int TwilioKeyLength = 34;

    private static readonly SearchValues<char> s_wordCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static readonly SearchValues<char> s_digits = SearchValues.Create("0123456789");

    private static readonly SearchValues<char> s_lowerHex = SearchValues.Create("0123456789abcdef");

    /// <summary>Adds a span for each key-shaped word.</summary>
    public static void Collect(ReadOnlySpan<char> text, ref SecretSpans spans)
    {
        var examinedUntil = 0;
        var probe = Shortest - 1;
        while (probe < text.Length)
        {
            if (!s_wordCharacters.Contains(text[probe]))
            {
                probe += Shortest;
                continue;
            }

            // Measure the word around the probe, never reading left of what was already examined (keeps it linear).
            var start = examinedUntil + text[examinedUntil..probe].LastIndexOfAnyExcept(s_wordCharacters) + 1;
            var length = text[probe..].IndexOfAnyExcept(s_wordCharacters);
            var end = length < 0 ? text.Length : probe + length;
            if (end - start >= Shortest && IsKeyShaped(text[start..end]))
            {
                spans.Add(start, end, null);
            }

            examinedUntil = end;

            // The next probe position (one of every 32nd) at or after the end of this word.
            probe = end + ((Shortest - 1 - (end % Shortest)) + Shortest) % Shortest;
        }
    }

    private static bool IsKeyShaped(ReadOnlySpan<char> word) =>
        (word.Length == Shortest && (word[0] | 0x20) is 'u' or 'g' && !word.Contains('_') && word.ContainsAny(s_digits))
        || (word.Length == TwilioKeyLength && word.StartsWith("SK", StringComparison.Ordinal) && !word[2..].ContainsAnyExcept(s_lowerHex));
}
