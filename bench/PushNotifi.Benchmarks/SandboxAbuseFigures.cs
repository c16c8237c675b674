using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The sandbox's memory under the abuse of issue 17 (<c>--sandbox-abuse</c>): each scenario starts a fresh standalone
/// sandbox process and prints its resident memory (<c>VmRSS</c>) after the abuse and its peak (<c>VmHWM</c>), then the
/// API's latency with and without 500 open inbox streams. Not a BenchmarkDotNet job: the figure is another process's
/// memory, which BenchmarkDotNet's diagnosers do not see.
/// </summary>
internal static class SandboxAbuseFigures
{
    // 29 MB, just under Kestrel's default request body limit (30,000,000 bytes), as in the rows.
    private const int HugeBodyBytes = 29_000_000;

    // Key-shaped but unknown to the sandbox; built at run time, as BenchKeys' are.
    private static readonly string WrongKey = "uWRONG" + new string('x', 26);

    public static async Task PrintAsync(TextWriter output, string[] scenarios, int sends)
    {
        bool Wanted(string name) => scenarios.Length == 0 || scenarios.Contains(name, StringComparer.OrdinalIgnoreCase);

        output.WriteLine("| Scenario | RSS at start | RSS after | Peak RSS | Notes |");
        output.WriteLine("|---|---:|---:|---:|---|");
        if (Wanted("wrong-key"))
        {
            await RunAsync(output, "25 × 29 MB requests with a wrong key", WrongKeyHugeBodiesAsync);
        }

        if (Wanted("streams"))
        {
            await RunAsync(output, "10 reading inbox streams, one 29 MB request", ReadingStreamsHugeBodyAsync);
        }

        if (Wanted("attachments"))
        {
            await RunAsync(output, "10 reading inbox streams, 40 valid sends with a 5 MiB attachment", ReadingStreamsAttachmentsAsync);
        }

        if (Wanted("stalled"))
        {
            await RunAsync(output, "20 streams that stop reading, two 29 MB requests", StalledStreamsHugeBodiesAsync);
        }

        if (Wanted("sends"))
        {
            await RunAsync(output, $"{sends:N0} valid sends (8 concurrent callers)", sandbox => ManySendsAsync(sandbox, sends));
        }

        if (Wanted("latency"))
        {
            output.WriteLine();
            await LatencyAsync(output);
        }
    }

    private static async Task RunAsync(TextWriter output, string name, Func<SandboxProcess, Task<string>> abuse)
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        var before = sandbox.RssMegabytes();
        var notes = await abuse(sandbox);
        // Give the server a moment to finish the work it was handed before reading its memory.
        await Task.Delay(1000);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {before:N0} MB | {sandbox.RssMegabytes():N0} MB | {sandbox.PeakRssMegabytes():N0} MB | {notes} |"));
    }

    private static async Task<string> WrongKeyHugeBodiesAsync(SandboxProcess sandbox)
    {
        using var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var body = HugeMessageBody();
        var statuses = new Dictionary<string, int>();
        for (var i = 0; i < 25; i++)
        {
            var status = await PostAsync(client, body, WrongKey);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        var log = await client.GetByteArrayAsync("/sandbox/requests");
        return $"answers {Describe(statuses)}; `GET /sandbox/requests` {log.Length / 1024.0 / 1024.0:N1} MB";
    }

    private static async Task<string> ReadingStreamsHugeBodyAsync(SandboxProcess sandbox)
    {
        using var cancel = new CancellationTokenSource();
        using var streams = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 100 }) { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        var read = new long[10];
        var counter = new StreamCounter();
        var readers = Enumerable.Range(0, 10).Select(i => ReadStreamAsync(streams, counter, count => read[i] += count, cancel.Token)).ToArray();
        await WaitForStreamsAsync(counter, 10);
        using var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var status = await PostAsync(client, HugeMessageBody(), BenchKeys.User);
        await Task.Delay(2000);
        var peak = sandbox.PeakRssMegabytes();
        await cancel.CancelAsync();
        await Task.WhenAll(readers);
        return $"answer {status}; each stream read {read.Average() / 1024.0 / 1024.0:N1} MB; peak before the streams closed {peak:N0} MB";
    }

    // Not an abuse row of the issue: the largest sends the contract allows, the sandbox's real worst case.
    private static async Task<string> ReadingStreamsAttachmentsAsync(SandboxProcess sandbox)
    {
        using var cancel = new CancellationTokenSource();
        using var streams = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 100 }) { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        var counter = new StreamCounter();
        var readers = Enumerable.Range(0, 10).Select(_ => ReadStreamAsync(streams, counter, _ => { }, cancel.Token)).ToArray();
        await WaitForStreamsAsync(counter, 10);
        using var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var attachment = new byte[5 * 1024 * 1024];
        new Random(17).NextBytes(attachment);
        var body = Encoding.UTF8.GetBytes(
            $$"""{"type":"user","send_to_key":"{{BenchKeys.User}}","message":"nightly dump","attachment_type":"image/png","attachment_base64":"{{Convert.ToBase64String(attachment)}}"}""");
        var statuses = new Dictionary<string, int>();
        for (var i = 0; i < 40; i++)
        {
            var status = await PostAsync(client, body, BenchKeys.User);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        await cancel.CancelAsync();
        await Task.WhenAll(readers);
        return $"answers {Describe(statuses)} ({body.Length / 1024.0 / 1024.0:N1} MB bodies)";
    }

    private static async Task<string> StalledStreamsHugeBodiesAsync(SandboxProcess sandbox)
    {
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                // A small receive buffer, never read: the server's writes back up as they would behind a frozen tab.
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync("127.0.0.1", sandbox.Port);
                await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /sandbox/events HTTP/1.1\r\nHost: 127.0.0.1:{sandbox.Port}\r\nAccept: text/event-stream\r\n\r\n"));
                sockets.Add(socket);

                // Read up to the stream's first line, so it is subscribed, then never again.
                var seen = new StringBuilder();
                var buffer = new byte[1];
                while (!seen.ToString().Contains(": connected", StringComparison.Ordinal) && await socket.ReceiveAsync(buffer) == 1)
                {
                    seen.Append((char)buffer[0]);
                }
            }

            using var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
            var first = await PostAsync(client, HugeMessageBody(), BenchKeys.User);
            var second = await PostAsync(client, HugeMessageBody(), BenchKeys.User);
            // Then ordinary traffic, which stalled streams must not make the server hold on to.
            for (var i = 0; i < 2000; i++)
            {
                await PostAsync(client, SmallMessageBody(i), BenchKeys.User);
            }

            return $"answers {first}, {second}, then 2,000 small sends";
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    private static async Task<string> ManySendsAsync(SandboxProcess sandbox, int sends)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = new Uri(sandbox.BaseUrl) };
        var next = -1;
        var failed = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < sends)
            {
                if (await PostAsync(client, SmallMessageBody(i), BenchKeys.User) != "200")
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        watch.Stop();
        var notifications = await client.GetByteArrayAsync("/sandbox/notifications");
        var requests = await client.GetByteArrayAsync("/sandbox/requests");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{sends / watch.Elapsed.TotalSeconds:N0} sends/s, {failed} not 200; `GET /sandbox/notifications` {notifications.Length / 1024.0 / 1024.0:N1} MB, `/sandbox/requests` {requests.Length / 1024.0 / 1024.0:N1} MB");
    }

    private static async Task LatencyAsync(TextWriter output)
    {
        output.WriteLine("| Open inbox streams | Sends | p50 | p90 | p99 | max | sandbox CPU per send | readers' CPU per send |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var streams in new[] { 0, 500, 0, 500 })
        {
            await using var sandbox = await SandboxProcess.StartAsync();
            // The streams are read in a process of their own, as browser tabs are: in this one, their reads would queue
            // ahead of the measured client's own continuations on the thread pool.
            using var readers = streams > 0 ? await StartReadersAsync(sandbox.BaseUrl, streams) : null;
            using var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
            // Unmeasured: a fresh process compiles its hot paths again, at full optimization, for its first seconds (14-17 %
            // of the sandbox's samples were the JIT with 500), which a sandbox that has been open a while has done.
            const int Warmup = 2000;
            const int Measured = 3000;
            var latencies = new double[Measured];
            var sandboxCpu = TimeSpan.Zero;
            var readersCpu = TimeSpan.Zero;
            for (var i = 0; i < Warmup + Measured; i++)
            {
                if (i == Warmup)
                {
                    sandboxCpu = sandbox.CpuTime();
                    readersCpu = CpuTime(readers);
                }

                var started = Stopwatch.GetTimestamp();
                await PostAsync(client, SmallMessageBody(i), BenchKeys.User);
                if (i >= Warmup)
                {
                    latencies[i - Warmup] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }

            // CPU, unlike latency, hardly depends on what else the machine runs: it shows what the streams cost.
            sandboxCpu = sandbox.CpuTime() - sandboxCpu;
            readersCpu = CpuTime(readers) - readersCpu;
            Array.Sort(latencies);
            double At(double q) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(q * latencies.Length) - 1)];
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {streams} | {Measured:N0} | {At(0.50):0.00} ms | {At(0.90):0.00} ms | {At(0.99):0.00} ms | {latencies[^1]:0.00} ms | {sandboxCpu.TotalMicroseconds / Measured:N0} µs | {readersCpu.TotalMicroseconds / Measured:N0} µs |"));
            readers?.Kill(entireProcessTree: true);
        }
    }

    private static TimeSpan CpuTime(Process? process)
    {
        process?.Refresh();
        return process?.TotalProcessorTime ?? TimeSpan.Zero;
    }

    /// <summary>
    /// <c>--sandbox-stream-readers URL N</c>: opens <paramref name="count"/> inbox streams, says <c>connected</c> once all
    /// are subscribed, and reads them until killed.
    /// </summary>
    public static async Task ReadStreamsAsync(string baseUrl, int count)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = count }) { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan };
        var counter = new StreamCounter();
        var readers = Enumerable.Range(0, count).Select(_ => ReadStreamAsync(client, counter, _ => { }, CancellationToken.None)).ToArray();
        await WaitForStreamsAsync(counter, count);
        Console.WriteLine("connected");
        await Task.WhenAll(readers);
    }

    private static async Task<Process> StartReadersAsync(string baseUrl, int count)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SandboxAbuseFigures).Assembly.Location);
        }

        foreach (var argument in new[] { "--sandbox-stream-readers", baseUrl, count.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the stream readers.");
        if (await process.StandardOutput.ReadLineAsync() != "connected")
        {
            throw new InvalidOperationException("The stream readers did not connect.");
        }

        return process;
    }

    private static async Task ReadStreamAsync(HttpClient client, StreamCounter counter, Action<int> onRead, CancellationToken cancel)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/events");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
            await using var stream = await response.Content.ReadAsStreamAsync(cancel);
            var buffer = new byte[64 * 1024];
            var first = true;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancel)) > 0)
            {
                if (first)
                {
                    counter.OnConnected();
                    first = false;
                }

                onRead(read);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (HttpRequestException)
        {
        }
        catch (IOException)
        {
        }
    }

    // The server subscribes a stream before it writes its first line, so a stream that read anything is subscribed.
    private static async Task WaitForStreamsAsync(StreamCounter counter, int expected)
    {
        var watch = Stopwatch.StartNew();
        while (counter.Connected < expected)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Only {counter.Connected} of {expected} inbox streams connected.");
            }

            await Task.Delay(50);
        }
    }

    private sealed class StreamCounter
    {
        private int _connected;

        public int Connected => Volatile.Read(ref _connected);

        public void OnConnected() => Interlocked.Increment(ref _connected);
    }

    private static async Task<string> PostAsync(HttpClient client, byte[] body, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/message") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-API-Key", apiKey);
        // As curl does for large bodies: a server that refuses the body answers before it is sent, and the client reads
        // that answer instead of a reset connection.
        request.Headers.ExpectContinue = body.Length > 1024 * 1024;
        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException e)
        {
            return "error (" + e.HttpRequestError + ")";
        }
    }

    private static byte[] SmallMessageBody(int i) => Encoding.UTF8.GetBytes(
        $$"""{"type":"user","send_to_key":"{{BenchKeys.User}}","message":"Nightly job {{i}} failed: exit code 1","title":"cron"}""");

    // A send whose attachment field alone is 29 MB: far past any valid send, as in the abuse rows.
    private static byte[] HugeMessageBody()
    {
        var head = Encoding.UTF8.GetBytes($$"""{"type":"user","send_to_key":"{{BenchKeys.User}}","message":"huge","attachment_type":"image/png","attachment_base64":""");
        var tail = "\"}"u8.ToArray();
        var body = new byte[HugeBodyBytes];
        head.CopyTo(body, 0);
        body.AsSpan(head.Length, HugeBodyBytes - head.Length - tail.Length).Fill((byte)'A');
        tail.CopyTo(body, HugeBodyBytes - tail.Length);
        return body;
    }

    private static string Describe(Dictionary<string, int> statuses) =>
        string.Join(", ", statuses.Select(s => $"{s.Value} × {s.Key}"));
}
