using System.Net;
using System.Net.Sockets;
using PushNotifi.Sandbox;

namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>An in-process sandbox per test, plus a project folder to run the CLI in.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public abstract class SandboxHost : IAsyncLifetime
{
    private readonly TempDirectory folder = new();

    internal SandboxServer Server { get; private set; } = null!;

    internal string Folder => folder.Path;

    /// <summary>The keys the sandbox accepts: the canaries the CLI holds; tests of rejections keep the kit's own instead.</summary>
    internal virtual void ConfigureSandbox(SandboxOptions options)
    {
        options.UserKey = Canary.UserKey;
        options.GroupKey = Canary.GroupKey;
        options.WebhookToken = Canary.WebhookToken;
    }

    public async ValueTask InitializeAsync() => Server = await TestSandbox.StartAsync(ConfigureSandbox);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The canary settings pointed at this sandbox, with <paramref name="changes"/> applied (null removes).</summary>
    internal Dictionary<string, string> Environment(params (string Name, string? Value)[] changes)
    {
        var environment = new Dictionary<string, string>
        {
            ["PUSHNOTIFI_USER_KEY"] = Canary.UserKey,
            ["PUSHNOTIFI_GROUP_KEY"] = Canary.GroupKey,
            ["PUSHNOTIFI_API_BASE_URL"] = Server.BaseUrl,
        };
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        return environment;
    }

    internal Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Cli.RunAsync(Folder, environment, args, null, null, CancellationToken.None);

    /// <summary>A loopback URL where nothing listens: a port taken from the OS and released again.</summary>
    internal static string ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
