using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Testing;

/// <summary>
/// Drives a wait for an answer on a fake clock: after each poll the client reports progress (its timer already
/// started), and the driver moves the clock by exactly the pause it announced. No real sleeps time anything.
/// Linked as source into the runtime and MCP tests.
/// </summary>
internal sealed class AckClock(FakeTimeProvider? time = null) : IProgress<PushNotifiAckProgress>
{
    private readonly Channel<PushNotifiAckProgress> _reports = Channel.CreateUnbounded<PushNotifiAckProgress>();

    internal FakeTimeProvider Time { get; } = time ?? new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    internal List<PushNotifiAckProgress> Reports { get; } = [];

    public void Report(PushNotifiAckProgress value) => _reports.Writer.TryWrite(value);

    /// <summary>Waits for the next report, on the real clock, bounded (a hang guard; it also ends with the test).</summary>
    internal async Task<PushNotifiAckProgress> NextAsync()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(10));
        var report = await _reports.Reader.ReadAsync(guard.Token);
        Reports.Add(report);
        return report;
    }

    /// <summary>
    /// Advances the clock poll by poll until <paramref name="wait"/> ends. When the simulated time reaches
    /// <paramref name="tapAt"/>, <paramref name="tap"/> runs once (the person answers at that moment).
    /// </summary>
    internal async Task<T> RunAsync<T>(Task<T> wait, TimeSpan? tapAt = null, Action? tap = null)
    {
        var start = Time.GetUtcNow();
        var tapped = tapAt is null;
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var read = _reports.Reader.ReadAsync(guard.Token).AsTask();
            if (await Task.WhenAny(wait, read) == wait)
            {
                return await wait;
            }

            var report = await read;
            Reports.Add(report);
            if (report.NextPollIn <= TimeSpan.Zero)
            {
                continue;
            }

            var now = Time.GetUtcNow() - start;
            if (!tapped && now + report.NextPollIn >= tapAt!.Value)
            {
                Time.Advance(tapAt.Value - now);
                tap!();
                tapped = true;
                Time.Advance(report.NextPollIn - (tapAt.Value - now));
            }
            else
            {
                Time.Advance(report.NextPollIn);
            }
        }
    }
}
