using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PushNotifi.Sandbox;

namespace PushNotifi.Tests;

/// <summary>Clients for a sandbox the test kit started (<see cref="TestSandbox"/>).</summary>
internal static class Loopback
{
    /// <summary>Options that retry at once, so tests on the system clock never sleep.</summary>
    internal static PushNotifiOptions Options(SandboxServer sandbox, string? userKey = null)
    {
        var options = TestKeys.Options(sandbox.BaseUrl, userKey);
        options.RetryBaseDelay = TimeSpan.Zero;
        return options;
    }

    internal static PushNotifiClient Client(PushNotifiOptions options, ILogger? logger = null, TimeProvider? time = null) =>
        new(options, httpClient: null, logger, time);

    /// <summary>
    /// Moves a fake clock forward in steps until <paramref name="task"/> completes, yielding between steps
    /// so loopback I/O and timer registration can happen. Returns how far the clock moved.
    /// </summary>
    internal static async Task<TimeSpan> AdvanceUntilDoneAsync(FakeTimeProvider clock, Task task, TimeSpan step, int maxSteps = 600)
    {
        var start = clock.GetUtcNow();
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        Assert.True(task.IsCompleted, $"The call did not finish within {maxSteps} steps of {step}.");
        return clock.GetUtcNow() - start;
    }

    /// <summary>Waits until the sandbox has recorded <paramref name="count"/> requests.</summary>
    internal static async Task WaitForRequestsAsync(SandboxServer sandbox, int count)
    {
        // A hang guard only, generous because a loaded 2-core machine once needed more than the old 10 s.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        while (sandbox.Requests.Count < count && !guard.IsCancellationRequested)
        {
            await Task.Delay(5, CancellationToken.None);
        }

        Assert.True(sandbox.Requests.Count >= count, $"The sandbox saw {sandbox.Requests.Count} requests, expected {count}.");
    }
}
