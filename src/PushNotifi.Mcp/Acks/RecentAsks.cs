namespace PushNotifi.Mcp.Acks;

/// <summary>
/// Makes <c>pushnotifi_request_ack</c> safe to retry: the same question within <c>window</c> of the first ask shares
/// its alert (one page, one correlation id), even while that first send is still in flight. After the window the same
/// text is a new question, so an old answer can never approve a new action. A failed ask is forgotten at once, so a
/// retry after a failure does page.
/// </summary>
internal sealed class RecentAsks(TimeProvider time, TimeSpan window)
{
    private readonly Dictionary<AskedQuestion, Entry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>The alert id of a recent identical ask, or of a new one made by <paramref name="ask"/>.</summary>
    /// <param name="question">Identifies the question: its text, title, recipient and template.</param>
    /// <param name="ask">Pages the person; runs at most once per window and is not cancelled by any one caller.</param>
    /// <param name="cancellationToken">Stops this caller's wait only.</param>
    internal Task<string> GetOrAskAsync(AskedQuestion question, Func<Task<string>> ask, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_lock)
        {
            var now = time.GetTimestamp();
            foreach (var stale in _entries.Where(e => time.GetElapsedTime(e.Value.Started, now) >= window).Select(e => e.Key).ToList())
            {
                _entries.Remove(stale);
            }

            if (!_entries.TryGetValue(question, out entry!))
            {
                entry = new Entry(now, new Lazy<Task<string>>(ask));
                _entries[question] = entry;
            }
        }

        var task = entry.Ask.Value;
        _ = task.ContinueWith(
            _ => Forget(question, entry),
            CancellationToken.None,
            TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task.WaitAsync(cancellationToken);
    }

    private void Forget(AskedQuestion question, Entry entry)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(question, out var current) && ReferenceEquals(current, entry))
            {
                _entries.Remove(question);
            }
        }
    }

    private sealed record Entry(long Started, Lazy<Task<string>> Ask);
}

/// <summary>
/// What makes two asks "the same question": every field the person sees, and who sees it. Compared field by field
/// (ordinal), so it needs no canonical text or hash: it never leaves this process.
/// </summary>
internal readonly record struct AskedQuestion(string Message, string? Title, string SendToKey, PushNotifiResponseTemplate? Template);
