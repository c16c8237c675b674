using System.Collections.Concurrent;
using ModelContextProtocol;

namespace PushNotifi.Mcp.Tests;

/// <summary>Records the progress notifications a call receives, synchronously and in arrival order.</summary>
internal sealed class ProgressLog : IProgress<ProgressNotificationValue>
{
    private readonly ConcurrentQueue<ProgressNotificationValue> _values = new();

    internal IReadOnlyList<ProgressNotificationValue> Values => [.. _values];

    public void Report(ProgressNotificationValue value) => _values.Enqueue(value);
}
