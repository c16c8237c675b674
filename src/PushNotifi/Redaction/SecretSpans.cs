using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>
/// The places to redact in one text, gathered from every detector, then merged and written once. The buffer comes
/// from the array pool and is rented only when the first secret is found, so clean text allocates nothing.
/// </summary>
internal ref struct SecretSpans
{
    private SecretSpan[]? _items;
    private int _count;

    /// <summary>How many spans were added (before merging).</summary>
    public readonly int Count => _count;

    /// <summary>Records that <c>[start, end)</c> must go; <paramref name="replacement"/> is the configured secret's own last-four form, or null to take the last four of whatever ends up replaced.</summary>
    public void Add(int start, int end, string? replacement)
    {
        if (end <= start)
        {
            return;
        }

        if (_items is null || _count == _items.Length)
        {
            var larger = ArrayPool<SecretSpan>.Shared.Rent(Math.Max(16, _count * 2));
            if (_items is not null)
            {
                _items.AsSpan(0, _count).CopyTo(larger);
                ArrayPool<SecretSpan>.Shared.Return(_items);
            }

            _items = larger;
        }

        _items[_count++] = new SecretSpan(start, end, replacement);
    }

    /// <summary>Merges overlapping and touching spans and writes the redacted text in one allocation.</summary>
    public readonly string Apply(string text)
    {
        if (_items is null || _count == 0)
        {
            return text;
        }

        // Each detector adds its spans in text order, so on dense text the list is often sorted already: check first.
        var spans = _items.AsSpan(0, _count);
        if (!InOrder(spans))
        {
            spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        }

        // Merge in place: the union of overlapping spans goes as one, so nothing between two secrets survives.
        var merged = 0;
        foreach (var span in spans)
        {
            if (merged > 0 && span.Start <= spans[merged - 1].End)
            {
                ref var last = ref spans[merged - 1];
                if (span.End > last.End)
                {
                    last = new SecretSpan(last.Start, span.End, span.Replacement);
                }
                else if (span.End == last.End && span.Replacement is not null)
                {
                    last = last with { Replacement = span.Replacement };
                }

                continue;
            }

            spans[merged++] = span;
        }

        var length = text.Length;
        foreach (var span in spans[..merged])
        {
            length += ReplacementLength(span) - (span.End - span.Start);
        }

        return string.Create(length, (text, _items, merged), static (destination, state) =>
        {
            var (source, items, count) = state;
            var written = 0;
            var copied = 0;
            foreach (var span in items.AsSpan(0, count))
            {
                source.AsSpan(copied, span.Start - copied).CopyTo(destination[written..]);
                written += span.Start - copied;
                written += WriteReplacement(source.AsSpan(span.Start, span.End - span.Start), span.Replacement, destination[written..]);
                copied = span.End;
            }

            source.AsSpan(copied).CopyTo(destination[written..]);
        });
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<SecretSpan>.Shared.Return(_items);
            _items = null;
            _count = 0;
        }
    }

    // Sorted as the merge needs: by start, and the longer first where two start together.
    private static bool InOrder(ReadOnlySpan<SecretSpan> spans)
    {
        for (var i = 1; i < spans.Length; i++)
        {
            if (spans[i].Start < spans[i - 1].Start || (spans[i].Start == spans[i - 1].Start && spans[i].End > spans[i - 1].End))
            {
                return false;
            }
        }

        return true;
    }

    private static int ReplacementLength(SecretSpan span) =>
        span.Replacement?.Length ?? (span.End - span.Start < SecretRedactor.MinimumLengthForLastFour ? 1 : 5);

    private static int WriteReplacement(ReadOnlySpan<char> secret, string? replacement, Span<char> destination)
    {
        if (replacement is not null)
        {
            replacement.CopyTo(destination);
            return replacement.Length;
        }

        destination[0] = SecretRedactor.Ellipsis[0];
        if (secret.Length < SecretRedactor.MinimumLengthForLastFour)
        {
            return 1;
        }

        secret[^4..].CopyTo(destination[1..]);
        return 5;
    }
}
