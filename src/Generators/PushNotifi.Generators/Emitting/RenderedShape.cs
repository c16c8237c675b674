using System.Globalization;

namespace PushNotifi.Generators.Emitting;

/// <summary>
/// A template rendered once with markers in place of the per-method texts, split at the markers, so that a method
/// of the same shape costs one concatenation instead of a Scriban render.
/// </summary>
internal sealed class RenderedShape
{
    private readonly string[] _texts;
    private readonly int[] _slots;

    private RenderedShape(string[] texts, int[] slots)
    {
        _texts = texts;
        _slots = slots;
    }

    public static RenderedShape Parse(string rendered)
    {
        var texts = new List<string>();
        var slots = new List<int>();
        var start = 0;
        while (true)
        {
            var open = rendered.IndexOf(SlotValues.Open, start);
            if (open < 0)
            {
                texts.Add(rendered.Substring(start));
                return new RenderedShape(texts.ToArray(), slots.ToArray());
            }

            var close = rendered.IndexOf(SlotValues.Close, open + 1);
            if (close < 0)
            {
                throw new InvalidOperationException("A rendered template has an unclosed slot marker at " + open + ".");
            }

            texts.Add(rendered.Substring(start, open - start));
            slots.Add(int.Parse(rendered.Substring(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture));
            start = close + 1;
        }
    }

    /// <summary>The text with <paramref name="values"/> in its slots.</summary>
    public string Fill(IReadOnlyList<string> values)
    {
        var builder = new StringBuilder();
        FillInto(builder, values);
        return builder.ToString();
    }

    /// <summary>Appends the text with <paramref name="values"/> in its slots.</summary>
    public void FillInto(StringBuilder builder, IReadOnlyList<string> values) =>
        FillInto(builder, values, special: -1, state: 0, static (_, _) => { });

    /// <summary>Appends the text with <paramref name="values"/> in its slots, except that <paramref name="write"/> fills slot <paramref name="special"/>.</summary>
    public void FillInto<TState>(StringBuilder builder, IReadOnlyList<string> values, int special, TState state, Action<StringBuilder, TState> write)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            builder.Append(_texts[i]);
            if (_slots[i] == special)
            {
                write(builder, state);
            }
            else
            {
                builder.Append(values[_slots[i]]);
            }
        }

        builder.Append(_texts[_texts.Length - 1]);
    }
}
