using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PushNotifi.Sandbox;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The figures behind bounds the tests no longer time (issue 19): how long disposing a sandbox with two open event
/// streams takes (the host's shutdown timeout is 2 s; the test only guards against a hang), and what a million
/// distinct keys past its bound add to an in-memory state store's heap (the test only counts keys).
/// </summary>
internal static class TestKitFigures
{
    private const int DisposeRounds = 20;

    public static async Task PrintAsync(TextWriter output)
    {
        var times = new List<double>();
        for (var round = 0; round < DisposeRounds; round++)
        {
            times.Add(await DisposeWithOpenStreamsAsync());
        }

        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sandbox dispose with 2 open event streams, {DisposeRounds} rounds: median {times[DisposeRounds / 2]:0} ms, max {times[^1]:0} ms"));

        var (growth, peak) = await StoreGrowthAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in-memory store, bound 10,000: a million distinct keys past it add {growth / (1024.0 * 1024.0):0.0} MB to the heap (peak {peak:N0} keys)"));
    }

    private static async Task<double> DisposeWithOpenStreamsAsync()
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { UserKey = BenchKeys.User, GroupKey = BenchKeys.Group });
        using var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        using var first = await client.GetAsync("/sandbox/events", HttpCompletionOption.ResponseHeadersRead);
        using var second = await client.GetAsync("/sandbox/events", HttpCompletionOption.ResponseHeadersRead);
        var watch = Stopwatch.StartNew();
        await sandbox.DisposeAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<(long Growth, int Peak)> StoreGrowthAsync()
    {
        var store = new InMemoryPushNotifiStateStore(new FakeTimeProvider(), maxKeys: 10_000);
        var window = TimeSpan.FromHours(1);
        for (var i = 0; i < 20_000; i++)
        {
            await store.TryClaimAsync("warm:" + i, window);
        }

        var peak = 0;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 1_000_000; i++)
        {
            await store.TryClaimAsync("key:" + i, window);
            peak = Math.Max(peak, store.Count);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(store);
        return (after - before, peak);
    }
}
