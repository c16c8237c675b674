using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PushNotifi.Redaction;

/// <summary>
/// Finds the runs of at least <see cref="TokenScanner.Shortest"/> token characters (<c>A-Z a-z 0-9 _ . - + / = ~</c>)
/// 64 characters at a time: each block becomes a 64-bit mask (bit i set when character i is a token character), and
/// five shift-and-ANDs, carried over from the block before, leave a bit where a run of that length ends. Prose and
/// logs, whose words are short, cost a few vector instructions a block and no branch a character.
/// </summary>
internal static class TokenRuns
{
    private const int Block = 64;

    private static readonly bool[] s_isTokenCharacter = [.. Enumerable.Range(0, 128).Select(IsTokenCharacterSlow)];

    /// <summary>True when <paramref name="c"/> is a token character.</summary>
    public static bool IsTokenCharacter(char c) => c < 128 && s_isTokenCharacter[c];

    /// <summary>
    /// Finds the first whole run of at least <see cref="TokenScanner.Shortest"/> token characters that starts at or after
    /// <paramref name="from"/> (the text before it counts as no token character); false when there is none.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> text, int from, out int start, out int end)
    {
        // A run of 18 ending at bit i: runs of 2, 4, 8, 16 and then 18 ending there, each from the one before and
        // its copy shifted left (the block before supplies the high bits that shift in).
        ulong lastMask = 0, last2 = 0, last4 = 0, last8 = 0, last16 = 0;
        for (var at = from; at < text.Length; at += Block)
        {
            var block = text.Slice(at, Math.Min(Block, text.Length - at));
            var mask = Mask(block);
            var runs2 = mask & ((mask << 1) | (lastMask >> 63));
            var runs4 = runs2 & ((runs2 << 2) | (last2 >> 62));
            var runs8 = runs4 & ((runs4 << 4) | (last4 >> 60));
            var runs16 = runs8 & ((runs8 << 8) | (last8 >> 56));
            var runs18 = runs16 & ((runs16 << 2) | (last16 >> 62));
            if (runs18 != 0)
            {
                // text[first - 17 .. first] are token characters: the run starts at or before first - 17.
                var first = at + BitOperations.TrailingZeroCount(runs18);
                start = first - (TokenScanner.Shortest - 1);
                while (start > from && IsTokenCharacter(text[start - 1]))
                {
                    start--;
                }

                end = first + 1;
                while (end < text.Length && IsTokenCharacter(text[end]))
                {
                    end++;
                }

                return true;
            }

            (lastMask, last2, last4, last8, last16) = (mask, runs2, runs4, runs8, runs16);
        }

        start = end = text.Length;
        return false;
    }

    // Bit i set when block[i] is a token character; the bits past a short block's end stay clear.
    private static ulong Mask(ReadOnlySpan<char> block)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(block);
        if (chars.Length == Block && Vector256.IsHardwareAccelerated)
        {
            ulong mask = 0;
            for (var i = 0; i < Block; i += Vector256<ushort>.Count)
            {
                mask |= (ulong)Classify(Vector256.Create(chars[i..])).ExtractMostSignificantBits() << i;
            }

            return mask;
        }

        if (chars.Length == Block && Vector128.IsHardwareAccelerated)
        {
            ulong mask = 0;
            for (var i = 0; i < Block; i += Vector128<ushort>.Count)
            {
                mask |= (ulong)Classify(Vector128.Create(chars[i..])).ExtractMostSignificantBits() << i;
            }

            return mask;
        }

        ulong bits = 0;
        for (var i = 0; i < block.Length; i++)
        {
            if (IsTokenCharacter(block[i]))
            {
                bits |= 1UL << i;
            }
        }

        return bits;
    }

    // Letters: (c - 'A') with bit 5 cleared is below 26 for A-Z and a-z only. '+' to '9' less ',': + - . / and digits.
    private static Vector256<ushort> Classify(Vector256<ushort> c) =>
        Vector256.LessThan((c - Vector256.Create((ushort)'A')) & Vector256.Create((ushort)0xFFDF), Vector256.Create((ushort)26))
        | (Vector256.LessThan(c - Vector256.Create((ushort)'+'), Vector256.Create((ushort)15)) & ~Vector256.Equals(c, Vector256.Create((ushort)',')))
        | Vector256.Equals(c, Vector256.Create((ushort)'='))
        | Vector256.Equals(c, Vector256.Create((ushort)'_'))
        | Vector256.Equals(c, Vector256.Create((ushort)'~'));

    private static Vector128<ushort> Classify(Vector128<ushort> c) =>
        Vector128.LessThan((c - Vector128.Create((ushort)'A')) & Vector128.Create((ushort)0xFFDF), Vector128.Create((ushort)26))
        | (Vector128.LessThan(c - Vector128.Create((ushort)'+'), Vector128.Create((ushort)15)) & ~Vector128.Equals(c, Vector128.Create((ushort)',')))
        | Vector128.Equals(c, Vector128.Create((ushort)'='))
        | Vector128.Equals(c, Vector128.Create((ushort)'_'))
        | Vector128.Equals(c, Vector128.Create((ushort)'~'));

    private static bool IsTokenCharacterSlow(int c) =>
        char.IsAsciiLetterOrDigit((char)c) || c is '_' or '.' or '-' or '+' or '/' or '=' or '~';
}
