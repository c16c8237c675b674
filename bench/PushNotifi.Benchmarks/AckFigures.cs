using System.Collections.Concurrent;
using System.Globalization;

namespace PushNotifi.Benchmarks;

/// <summary>What one simulated wait gives, in fake time. Deterministic: the same on every run and machine.</summary>
/// <param name="StatusRequests">Status requests the client sent (its own count, checked against the sandbox's log).</param>
/// <param name="Elapsed">Fake time from the start of the wait to its end.</param>
/// <param name="TapToReturn">Fake time from the tap to <c>AwaitAckAsync</c> returning; null when nobody tapped.</param>
internal sealed record AckFigure(int StatusRequests, TimeSpan Elapsed, TimeSpan? TapToReturn);

/// <summary>
/// The figures the ack columns show, one per (schedule, tap time). The benchmarks' setup records them in-process;
/// a case with none recorded (e.g. an out-of-process run's host) is measured here on first use.
/// </summary>
internal static class AckFigures
{
    private static readonly ConcurrentDictionary<(AckSchedule Schedule, int? TapAfterSeconds), AckFigure> s_figures = new();

    public static AckFigure Get(AckSchedule schedule, int? tapAfterSeconds) =>
        s_figures.GetOrAdd((schedule, tapAfterSeconds), key => MeasureAsync(key.Schedule, key.TapAfterSeconds).GetAwaiter().GetResult());

    /// <summary>Measures once on <paramref name="rig"/>, checks the outcome, and records it for the columns.</summary>
    public static async Task<AckFigure> MeasureAsync(AckRig rig, AckSchedule schedule, int? tapAfterSeconds)
    {
        var alertId = await rig.AskAsync();
        var tapAfter = tapAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        var result = await rig.AwaitAsync(alertId, tapAfter);
        var seen = rig.StatusRequestsSeen(alertId);
        if (seen != result.Polls)
        {
            throw new InvalidOperationException($"The client counted {result.Polls} status requests but the sandbox received {seen}.");
        }

        if (tapAfter is null ? !result.TimedOut || result.IsAffirmative || result.Elapsed != AckRig.Wait : !result.Acked || !result.IsAffirmative || result.Response != "Approve")
        {
            throw new InvalidOperationException($"Unexpected outcome for {schedule}, tap {tapAfterSeconds?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {result}");
        }

        var figure = new AckFigure(result.Polls, result.Elapsed, tapAfter is { } t ? result.Elapsed - t : null);
        s_figures[(schedule, tapAfterSeconds)] = figure;
        return figure;
    }

    /// <summary>Prints every figure the ack benchmarks report (<c>--ack-polling</c>), without BenchmarkDotNet.</summary>
    public static async Task PrintAsync(TextWriter output)
    {
        output.WriteLine($"Simulated waits in fake time against the sandbox on loopback; wait {AckRig.Wait.TotalMinutes:0} min.");
        output.WriteLine();
        output.WriteLine("| Schedule | Tap after | Status requests | Tap to return | Wait ended after |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var schedule in Enum.GetValues<AckSchedule>())
        {
            await using var rig = await AckRig.StartAsync(schedule);
            foreach (var tap in new int?[] { null, 5, 30, 300 })
            {
                var figure = await MeasureAsync(rig, schedule, tap);
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {schedule} | {(tap is { } s ? s + " s" : "never")} | {figure.StatusRequests} | {(figure.TapToReturn is { } l ? l.TotalSeconds + " s" : "-")} | {figure.Elapsed.TotalSeconds} s |"));
            }
        }
    }

    private static async Task<AckFigure> MeasureAsync(AckSchedule schedule, int? tapAfterSeconds)
    {
        await using var rig = await AckRig.StartAsync(schedule);
        return await MeasureAsync(rig, schedule, tapAfterSeconds);
    }
}
