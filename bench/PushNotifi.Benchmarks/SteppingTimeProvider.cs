using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Benchmarks;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the driver each time the code under test starts a delay on it
/// (<c>Task.Delay(pause, timeProvider)</c>), so the driver moves the clock only while the client is waiting and never
/// while a status request is in flight. Timers that start unarmed (the timeouts behind a
/// <see cref="CancellationTokenSource"/>) are not delays and are not reported.
/// </summary>
internal sealed class SteppingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _delays = Channel.CreateUnbounded<TimeSpan>(new UnboundedChannelOptions { SingleReader = true });

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (state is not CancellationTokenSource && dueTime != Timeout.InfiniteTimeSpan && period == Timeout.InfiniteTimeSpan)
        {
            _delays.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>Waits until the code under test starts its next delay and returns its length.</summary>
    public ValueTask<TimeSpan> NextDelayAsync(CancellationToken cancellationToken) => _delays.Reader.ReadAsync(cancellationToken);
}
