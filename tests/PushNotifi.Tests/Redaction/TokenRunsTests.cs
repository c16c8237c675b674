using PushNotifi.Redaction;

namespace PushNotifi.Tests.Redaction;

/// <summary>
/// The vectorized run finder against the plain definition: every whole run of at least 18 token characters, in order,
/// whatever its place against the 64-character blocks, and none that is shorter.
/// </summary>
public class TokenRunsTests
{
    // Token characters, their neighbours in the character table, and non-ASCII characters whose low byte is a token
    // character ('ī' is 0x012B, '+' is 0x2B), which a narrowing comparison would take for one.
    private const string Alphabet = "aZ09_.-+/=~ ,:;@[`{\t\nīŭ€é";

    [Fact]
    public void Every_run_of_18_or_more_token_characters_is_found_whole_and_no_other()
    {
        var random = new Random(1818);
        for (var round = 0; round < 2000; round++)
        {
            var length = random.Next(0, 300);
            var text = new char[length];
            for (var i = 0; i < length; i++)
            {
                // Mostly token characters, so runs of every length around 18 occur.
                text[i] = random.Next(10) < 8 ? Alphabet[random.Next(11)] : Alphabet[random.Next(Alphabet.Length)];
            }

            Assert.Equal(Expected(text), Found(text));
        }
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(127)]
    public void A_run_across_a_block_boundary_is_found_from_its_first_character(int runEnd)
    {
        var text = new string(' ', runEnd - 18) + new string('k', 18) + new string(' ', 200 - runEnd);

        Assert.Equal([(runEnd - 18, runEnd)], Found(text.ToCharArray()));
    }

    [Fact]
    public void A_run_of_17_is_not_a_run()
    {
        Assert.Empty(Found((new string('k', 17) + " " + new string('k', 17)).ToCharArray()));
    }

    private static List<(int Start, int End)> Found(char[] text)
    {
        var runs = new List<(int, int)>();
        var from = 0;
        while (TokenRuns.Next(text, from, out var start, out var end))
        {
            runs.Add((start, end));
            from = end + 1;
        }

        return runs;
    }

    private static List<(int Start, int End)> Expected(char[] text)
    {
        var runs = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsToken(text[i]))
            {
                continue;
            }

            if (i - start >= 18)
            {
                runs.Add((start, i));
            }

            start = i + 1;
        }

        return runs;
    }

    private static bool IsToken(char c) => char.IsAsciiLetterOrDigit(c) || "_.-+/=~".Contains(c, StringComparison.Ordinal);
}
