using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The standalone sandbox (the build of <c>src/PushNotifi.Sandbox</c> beside this one) in a process of its own, so its
/// resident memory can be read from <c>/proc</c> without the load generator's heap in the figure.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The port it listens on.</summary>
    public int Port => new Uri(BaseUrl).Port;

    /// <summary>Starts a sandbox with the fake bench keys and <paramref name="extraArguments"/>, and waits until it answers.</summary>
    public static async Task<SandboxProcess> StartAsync(params string[] extraArguments)
    {
        var port = FreePort();
        var baseUrl = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SandboxAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PUSHNOTIFI_USER_KEY"] = BenchKeys.User;
        start.Environment["PUSHNOTIFI_GROUP_KEY"] = BenchKeys.Group;
        start.Environment["PUSHNOTIFI_WEBHOOK_TOKEN"] = BenchKeys.WebhookToken;
        // Server GC would size its heaps to the machine, not to what the sandbox holds; a user runs it as shipped.
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The sandbox exited at start with code {process.ExitCode}.");
            }

            try
            {
                using var answer = await probe.GetAsync(baseUrl + "/sandbox/faults");
                if (answer.IsSuccessStatusCode)
                {
                    return new SandboxProcess(process, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The sandbox did not answer within 30 s.");
    }

    /// <summary>Resident memory now (<c>VmRSS</c>), in MB.</summary>
    public double RssMegabytes() => ReadStatus("VmRSS:");

    /// <summary>The highest resident memory so far (<c>VmHWM</c>), in MB.</summary>
    public double PeakRssMegabytes() => ReadStatus("VmHWM:");

    /// <summary>CPU time the sandbox has used so far, user and system, on all cores.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private double ReadStatus(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kilobytes / 1024.0;
            }
        }

        throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field}");
    }

    // The sandbox is a project reference, so its build sits beside this one's under the same artifacts folder.
    private static string SandboxAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "PushNotifi.Sandbox.dll");
        var own = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "PushNotifi.Sandbox", Path.GetFileName(AppContext.BaseDirectory.TrimEnd('/')), "PushNotifi.Sandbox.dll"));
        return File.Exists(own) ? own : File.Exists(beside) ? beside
            : throw new FileNotFoundException("Build src/PushNotifi.Sandbox in the same configuration first.", own);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
