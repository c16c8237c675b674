using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using PushNotifi.Sandbox;

namespace PushNotifi.Benchmarks;

/// <summary>
/// Prints the sandbox's sends a second in memory and with a data file (<c>--sandbox-throughput</c>): real loopback
/// HTTP, <see cref="Clients"/> concurrent clients each sending one <c>POST /api/v1/message</c> after another with an
/// API key, for <see cref="Measured"/> after <see cref="WarmUp"/> unmeasured. Every answer must be 200.
/// </summary>
internal static class SandboxThroughputFigures
{
    private const int Clients = 4;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);

    public static async Task PrintAsync(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Clients} concurrent clients over loopback HTTP, POST /api/v1/message with an API key, {Measured.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s of warm-up."));
        output.WriteLine();
        output.WriteLine("| Store | Sends | Requests a second |");
        output.WriteLine("|---|---:|---:|");
        var folder = Directory.CreateTempSubdirectory("pushnotifi-sandbox-bench-").FullName;
        try
        {
            var inMemory = await MeasureAsync(dataFile: null);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| in memory | {inMemory.Sends:N0} | {inMemory.PerSecond:N0} |"));
            var onDisk = await MeasureAsync(Path.Combine(folder, "sandbox.db"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `--data` | {onDisk.Sends:N0} | {onDisk.PerSecond:N0} |"));
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"`--data` reaches {onDisk.PerSecond / inMemory.PerSecond:P0} of in memory ({inMemory.PerSecond / onDisk.PerSecond:0.0}x slower)."));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(long Sends, double PerSecond)> MeasureAsync(string? dataFile)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { UserKey = BenchKeys.User, GroupKey = BenchKeys.Group, DataFile = dataFile });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(sandbox.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-API-Key", BenchKeys.User);

        await RunAsync(client, WarmUp);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var sends = await RunAsync(client, Measured);
        watch.Stop();
        return (sends, sends / watch.Elapsed.TotalSeconds);
    }

    private static async Task<long> RunAsync(HttpClient client, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async worker =>
        {
            long sent = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                using var content = new StringContent(
                    $$"""{"type":"group","send_to_key":"{{BenchKeys.Group}}","message":"bench {{worker}} {{sent}}"}""", Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/api/v1/message", content);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"The sandbox answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                sent++;
            }

            return sent;
        }));
        return counts.Sum();
    }
}
