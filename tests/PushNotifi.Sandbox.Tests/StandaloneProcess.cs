using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PushNotifi.Sandbox.Tests;

/// <summary>Runs the sandbox's own Program (the built PushNotifi.Sandbox.dll) as a child process.</summary>
internal sealed class StandaloneProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private StandaloneProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public Process Process => _process;

    public static StandaloneProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PushNotifi.Sandbox.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only the variables the test chooses; never the developer's real keys.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PUSHNOTIFI_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var wrapper = new StandaloneProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.Append(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
