using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PushNotifi.Sandbox;

namespace PushNotifi.Tests;

/// <summary>Starts the real sandbox on a free loopback port and makes clients for it.</summary>
internal static class Loopback
{
    internal static Task<SandboxServer> StartSandboxAsync(string? userKey = null, TimeProvider? clock = null) =>
        SandboxServer.StartAsync(TestKeys.Sandbox(userKey, clock));

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

    /// <summary>Waits (on the real clock, bounded) until the sandbox has recorded <paramref name="count"/> requests.</summary>
    internal static async Task WaitForRequestsAsync(SandboxServer sandbox, int count)
    {
        for (var i = 0; i < 2000 && sandbox.Requests.Count < count; i++)
        {
            await Task.Delay(5);
        }

        Assert.True(sandbox.Requests.Count >= count, $"The sandbox saw {sandbox.Requests.Count} requests, expected {count}.");
    }
}
