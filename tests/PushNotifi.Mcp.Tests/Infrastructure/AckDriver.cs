using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Mcp.Tests;

/// <summary>
/// Drives a wait on the fake clock: the server reports each poll (its timer already started), and the driver moves
/// the clock by exactly the pause announced. When the simulated time reaches <c>tapAt</c> the person answers.
/// No real sleep times anything.
/// </summary>
internal sealed class AckDriver(FakeTimeProvider clock) : IProgress<PushNotifiAckProgress>
{
    private readonly Channel<PushNotifiAckProgress> _reports = Channel.CreateUnbounded<PushNotifiAckProgress>();

    internal List<PushNotifiAckProgress> Reports { get; } = [];

    public void Report(PushNotifiAckProgress value) => _reports.Writer.TryWrite(value);

    /// <summary>Waits for the next report, on the real clock, bounded.</summary>
    internal async Task<PushNotifiAckProgress> NextAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var report = await _reports.Reader.ReadAsync(guard.Token);
        Reports.Add(report);
        return report;
    }

    /// <summary>Advances the clock poll by poll until <paramref name="call"/> ends; runs <paramref name="tap"/> once at <paramref name="tapAt"/>.</summary>
    internal async Task<T> RunAsync<T>(Task<T> call, TimeSpan? tapAt = null, Action? tap = null)
    {
        var start = clock.GetUtcNow();
        var tapped = tapAt is null;
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var read = _reports.Reader.ReadAsync(guard.Token).AsTask();
            if (await Task.WhenAny(call, read) == call)
            {
                return await call;
            }

            var report = await read;
            Reports.Add(report);
            if (report.NextPollIn <= TimeSpan.Zero)
            {
                continue;
            }

            var now = clock.GetUtcNow() - start;
            if (!tapped && now + report.NextPollIn >= tapAt!.Value)
            {
                clock.Advance(tapAt.Value - now);
                tap!();
                tapped = true;
                clock.Advance(report.NextPollIn - (tapAt.Value - now));
            }
            else
            {
                clock.Advance(report.NextPollIn);
            }
        }
    }
}
