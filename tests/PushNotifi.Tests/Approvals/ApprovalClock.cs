using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Tests;

/// <summary>
/// Drives a team approval on a fake clock, as <see cref="AckClock"/> drives one wait: after each round the approval
/// reports the pause it just started, and the driver moves the clock by exactly that much, running each tap at its
/// simulated time on the way. No real sleep times anything.
/// </summary>
internal sealed class ApprovalClock(FakeTimeProvider time) : IProgress<PushNotifiApprovalProgress>
{
    private readonly Channel<PushNotifiApprovalProgress> _reports = Channel.CreateUnbounded<PushNotifiApprovalProgress>();

    internal FakeTimeProvider Time { get; } = time;

    internal List<PushNotifiApprovalProgress> Reports { get; } = [];

    public void Report(PushNotifiApprovalProgress value) => _reports.Writer.TryWrite(value);

    /// <summary>Waits for the next report without moving the clock, on the real clock, bounded.</summary>
    internal async Task<PushNotifiApprovalProgress> NextAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var report = await _reports.Reader.ReadAsync(guard.Token);
        Reports.Add(report);
        return report;
    }

    /// <summary>Moves the clock until <paramref name="run"/> ends; each tap runs once, when the simulated time reaches its moment.</summary>
    internal async Task<PushNotifiApprovalDecision> RunAsync(Task<PushNotifiApprovalDecision> run, params (TimeSpan At, Action Tap)[] taps)
    {
        var start = Time.GetUtcNow();
        var pending = new Queue<(TimeSpan At, Action Tap)>(taps.OrderBy(t => t.At));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var read = _reports.Reader.ReadAsync(guard.Token).AsTask();
            if (await Task.WhenAny(run, read) == run)
            {
                return await run;
            }

            var report = await read;
            Reports.Add(report);
            if (report.NextPollIn <= TimeSpan.Zero)
            {
                continue;
            }

            var target = Time.GetUtcNow() - start + report.NextPollIn;
            while (pending.Count > 0 && pending.Peek().At <= target)
            {
                var (at, tap) = pending.Dequeue();
                var now = Time.GetUtcNow() - start;
                if (at > now)
                {
                    Time.Advance(at - now);
                }

                tap();
            }

            var left = target - (Time.GetUtcNow() - start);
            if (left > TimeSpan.Zero)
            {
                Time.Advance(left);
            }
        }
    }
}
