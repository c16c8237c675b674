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

    public static EventBatch Of(IEnumerable<EventFrame> frames)
    {
        EventFrame[] copy = [.. frames];
        return new EventBatch(copy, copy.Length);
    }
}
