using Microsoft.Extensions.Logging;
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

    /// <summary>Waits until the sandbox has recorded a request that <paramref name="match"/> accepts.</summary>
    internal static async Task WaitForRequestAsync(SandboxServer sandbox, Func<SandboxRequest, bool> match)
    {
        // A hang guard only (see WaitForRequestsAsync); it also ends with the test.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        while (!sandbox.Requests.Any(match) && !guard.IsCancellationRequested)
        {
            await Task.Delay(5, CancellationToken.None);
        }

        Assert.True(sandbox.Requests.Any(match), $"None of the sandbox's {sandbox.Requests.Count} requests was the one expected.");
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
