using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Testing;

/// <summary>
/// Drives a call that waits on a <see cref="FakeTimeProvider"/> (retry pauses, timeouts) to its end. For a wait for an
/// answer, where the client announces each pause, <see cref="AckClock"/> is exact; this is for the rest.
/// </summary>
internal static class FakeClock
{
    /// <summary>
    /// How long each step gives the call, in real time, to finish or to start its next timer before the clock moves
    /// again. A call that finishes right after a timeout fired must end before the next step, or the clock overshoots:
    /// 10 ms was too short with test assemblies running side by side on 2 cores, 100 ms has held.
    /// </summary>
    internal static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Moves <paramref name="clock"/> forward by <paramref name="step"/> until <paramref name="task"/> completes and
    /// returns how far it moved; fails after <paramref name="maxSteps"/> steps.
    /// </summary>
    internal static async Task<TimeSpan> AdvanceUntilDoneAsync(FakeTimeProvider clock, Task task, TimeSpan step, int maxSteps = 600)
    {
        var start = clock.GetUtcNow();
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(Settle, TestContext.Current.CancellationToken));
            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        Assert.True(task.IsCompleted, $"The call did not finish within {maxSteps} steps of {step}.");
        return clock.GetUtcNow() - start;
    }
}
