namespace PushNotifi.Sandbox;

/// <summary>
/// The frames of one flush joined into one buffer, made once and written as it is by every stream: a stream copies
/// and sends one buffer a flush, however many events it holds. <see cref="Count"/> is how many events it carries (0
/// for a keep-alive), which is what a stream's queue limit counts.
/// </summary>
internal sealed record EventBatch(byte[] Bytes, int Count)
{
    /// <summary>A comment line, sent when nothing else was for a while: it finds dead connections and keeps proxies from timing out.</summary>
    public static EventBatch KeepAlive { get; } = new(": keep-alive\n\n"u8.ToArray(), 0);

    public static EventBatch Of(IReadOnlyList<EventFrame> frames)
    {
        if (frames.Count == 1)
        {
            return new EventBatch(frames[0].Bytes, 1);
        }

        var bytes = new byte[frames.Sum(f => f.Bytes.Length)];
        var at = 0;
        foreach (var frame in frames)
        {
            frame.Bytes.CopyTo(bytes, at);
            at += frame.Bytes.Length;
        }

        return new EventBatch(bytes, frames.Count);
    }
}
