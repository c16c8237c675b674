namespace PushNotifi.Sandbox.Web;

/// <summary>
/// The frames of one flush, handed as one list to every stream, which copies them into its response and sends them
/// with one write, however many there are. The frames are not joined into one buffer: a busy interval's would be a
/// large-object allocation each time. <see cref="Count"/> is how many events it carries (0 for a keep-alive), which
/// is what a stream's queue limit counts.
/// </summary>
internal sealed record EventBatch(IReadOnlyList<EventFrame> Frames, int Count)
{
    /// <summary>A comment line, sent when nothing else was for a while: it finds dead connections and keeps proxies from timing out.</summary>
    public static EventBatch KeepAlive { get; } = new([new EventFrame(0, ": keep-alive\n\n"u8.ToArray())], 0);

    /// <summary>
    /// The batch of <paramref name="frames"/>. When more than <paramref name="burstLength"/> of them are cards or request
    /// rows, only the latest that many of those go out, after one <see cref="EventFrame.Gap"/> frame that says how many
    /// did not: a person reads a few cards a second, and carrying every card of a flood to hundreds of open tabs was
    /// what cost the API its latency (each send was then 360 bytes a tab). Acks and clears always go. The ids stay in
    /// order, so a page that reconnects still catches up from the last one it saw.
    /// </summary>
    public static EventBatch Of(IReadOnlyList<EventFrame> frames, int burstLength)
    {
        var reloadable = 0;
        foreach (var frame in frames)
        {
            reloadable += frame.Reloadable ? 1 : 0;
        }

        if (reloadable <= burstLength)
        {
            EventFrame[] copy = [.. frames];
            return new EventBatch(copy, copy.Length);
        }

        var skip = reloadable - burstLength;
        var kept = new List<EventFrame>(frames.Count - skip + 1) { GapFrame(skip) };
        foreach (var frame in frames)
        {
            if (frame.Reloadable && skip > 0)
            {
                skip--;
                continue;
            }

            kept.Add(frame);
        }

        return new EventBatch(kept, kept.Count - 1);
    }

    // No id: it stands for events whose ids the page never saw, and a reconnect must not skip past the ones after it.
    private static EventFrame GapFrame(int skipped) =>
        new(0, System.Text.Encoding.UTF8.GetBytes($"event: {EventFrame.Gap}\ndata: {{\"skipped\":{skipped.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}\n\n"));
}
