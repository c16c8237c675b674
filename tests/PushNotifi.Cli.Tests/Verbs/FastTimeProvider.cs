namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>A clock whose timers fire 100 times sooner: the client's retry pauses (5 s, 10 s, 20 s) take milliseconds.</summary>
internal sealed class FastTimeProvider : TimeProvider
{
    private const int Speedup = 100;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(callback, state, Faster(dueTime), Faster(period));

    private static TimeSpan Faster(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / Speedup;
}
