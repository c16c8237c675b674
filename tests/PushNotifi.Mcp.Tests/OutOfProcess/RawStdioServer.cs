using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace PushNotifi.Mcp.Tests.OutOfProcess;

/// <summary>
/// The built server as a child process, driven with raw bytes on its stdin: lines no SDK client would send. Starts
/// initialized (initialize, then notifications/initialized), as a client leaves it.
/// </summary>
internal sealed class RawStdioServer : IAsyncDisposable
{
    // Only so that a server that never answers fails the test instead of hanging it; never a measure of speed.
    private static readonly TimeSpan s_noAnswer = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly StreamReader _stdout;

    private RawStdioServer(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _stdout = new StreamReader(process.StandardOutput.BaseStream, new UTF8Encoding(false));
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Stderr.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
    }

    internal ConcurrentQueue<string> Stderr { get; } = new();

    /// <summary>Starts the server and initializes the session; <paramref name="first"/> goes out before the initialize line.</summary>
    internal static async Task<RawStdioServer> StartAsync(byte[]? first = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerProcess.Assembly);
        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("PUSHNOTIFI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // Nothing here reaches the API: a port that refuses is enough.
        foreach (var (name, value) in ServerProcess.Environment(TestKeys.User, "http://127.0.0.1:9"))
        {
            start.Environment[name] = value;
        }

        var server = new RawStdioServer(Process.Start(start)!);
        if (first is not null)
        {
            await server.SendAsync(first);
        }

        await server.SendAsync("""{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
        var initialized = await server.ReadAsync();
        Assert.True(initialized["result"] is JsonObject, initialized.ToJsonString());
        await server.SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return server;
    }

    /// <summary>Writes <paramref name="line"/> and a newline, as UTF-8.</summary>
    internal Task SendAsync(string line) => SendAsync(Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>Writes raw bytes, newlines only where <paramref name="bytes"/> has them.</summary>
    internal async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stdin.WriteAsync(bytes);
        await _stdin.FlushAsync();
    }

    /// <summary>The next line the server writes on stdout, as JSON.</summary>
    internal async Task<JsonObject> ReadAsync()
    {
        using var wait = new CancellationTokenSource(s_noAnswer);
        var line = await _stdout.ReadLineAsync(wait.Token) ?? throw new InvalidOperationException("The server closed stdout. stderr: " + string.Join('\n', Stderr));
        return JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>Sends a ping with <paramref name="id"/> and returns its answer: proof that the server still reads.</summary>
    internal async Task<JsonObject> PingAsync(int id)
    {
        await SendAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"ping"}""");
        return await ReadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _stdin.Close();
        using var wait = new CancellationTokenSource(s_noAnswer);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
