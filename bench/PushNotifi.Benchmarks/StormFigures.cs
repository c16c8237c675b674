using System.Diagnostics;
using System.Globalization;

namespace PushNotifi.Benchmarks;

/// <summary>
/// Prints, for each <see cref="StormMode"/>, the requests that 100,000 failures on one key send and the CPU time they
/// take (<c>--storm</c>): the process's CPU time, so the sends' thread-pool work counts too. Every storm runs once
/// unmeasured first: tiered JIT needs more than a few thousand failures to settle, and the first storm would pay it.
/// </summary>
internal static class StormFigures
{
    public static async Task PrintAsync(TextWriter output)
    {
        output.WriteLine($"{Storm.Failures:N0} failures of one wrapped call on one idempotency key, one caller, fresh in-memory store, counting client.");
        output.WriteLine();
        output.WriteLine("| Storm | Requests sent | Wall time | CPU time | CPU per failure |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        var client = new CountingPushNotifiClient();
        var job = new StormJob(client);
        foreach (var mode in Enum.GetValues<StormMode>())
        {
            await Storm.RunAsync(job, mode);
        }

        foreach (var mode in Enum.GetValues<StormMode>())
        {
            var sentBefore = client.Sends;
            GC.Collect();

            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var rethrown = await Storm.RunAsync(job, mode);
            watch.Stop();
            process.Refresh();
            var cpuUsed = process.TotalProcessorTime - cpu;
            if (rethrown != Storm.Failures)
            {
                throw new InvalidOperationException($"{mode}: {rethrown} failures rethrown.");
            }

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {mode} | {client.Sends - sentBefore:N0} | {watch.Elapsed.TotalMilliseconds:N0} ms | {cpuUsed.TotalMilliseconds:N0} ms | {cpuUsed.TotalMilliseconds * 1000 / Storm.Failures:0.0} µs |"));
        }

        PushNotifiAlerts.Store = new InMemoryPushNotifiStateStore();
    }
}
