using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PushNotifi.Mcp.Startup;
using PushNotifi.Sandbox;

namespace PushNotifi.Mcp.Tests;

/// <summary>
/// The sandbox on loopback, the server on a fake clock, and the SDK's own client talking to it over in-memory pipes,
/// as the SDK's tests connect them. What the server writes to stderr is captured in <see cref="Stderr"/>.
/// </summary>
internal sealed class McpHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serverRun;
    private readonly McpServer _server;
    private readonly StderrLoggerFactory _loggers;

    private McpHarness(SandboxServer sandbox, FakeTimeProvider clock, McpSettings settings, LockedWriter stderr, McpServer server, StderrLoggerFactory loggers, AckClock acks)
    {
        Sandbox = sandbox;
        Clock = clock;
        Settings = settings;
        Stderr = stderr;
        _server = server;
        _loggers = loggers;
        Acks = acks;
        _serverRun = server.RunAsync(_stop.Token);
    }

    internal SandboxServer Sandbox { get; }

    internal FakeTimeProvider Clock { get; }

    internal McpSettings Settings { get; }

    internal LockedWriter Stderr { get; }

    internal AckClock Acks { get; }

    internal McpClient Client { get; private set; } = null!;

    /// <summary>Starts it all. <paramref name="configure"/> adjusts the settings the server would read from the environment.</summary>
    /// <param name="configure">Changes to the settings, e.g. a lower rate limit.</param>
    /// <param name="userKey">The key the server sends as X-API-Key.</param>
    /// <param name="sandboxUserKey">The key the sandbox accepts (a different one makes every call a 401).</param>
    /// <param name="withGroup">Whether PUSHNOTIFI_GROUP_KEY is set.</param>
    /// <param name="groupKey">The group key of both sides, when not <see cref="TestKeys.Group"/>.</param>
    internal static async Task<McpHarness> StartAsync(
        Func<McpSettings, McpSettings>? configure = null,
        string? userKey = null,
        string? sandboxUserKey = null,
        bool withGroup = true,
        string? groupKey = null)
    {
        userKey ??= TestKeys.User;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        groupKey ??= TestKeys.Group;
        var sandbox = await TestSandbox.StartAsync(
            o =>
            {
                o.UserKey = sandboxUserKey ?? userKey;
                o.GroupKey = groupKey;
            },
            clock);
        var settings = new McpSettings
        {
            UserKey = userKey,
            GroupKey = withGroup ? groupKey : null,
            ApiBaseUrl = sandbox.BaseUrl,
            RetryBaseDelay = TimeSpan.Zero,
        };
        settings = configure?.Invoke(settings) ?? settings;

        var stderr = new LockedWriter();
        var loggers = new StderrLoggerFactory(stderr, Redactor.ForOptions(settings.ToClientOptions()));
        var acks = new AckClock(clock);
        var catalog = PushNotifiMcpServer.CreateCatalog(settings, loggers, clock, acks);

        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var server = PushNotifiMcpServer.Create(
            new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream(), PushNotifiMcpServer.Name, loggers),
            catalog,
            loggers);
        var harness = new McpHarness(sandbox, clock, settings, stderr, server, loggers, acks);
        harness.Client = await McpClient.CreateAsync(
            new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()),
            new McpClientOptions { ClientInfo = new Implementation { Name = "tests", Version = "1.0" } });
        return harness;
    }

    /// <summary>Calls a tool with arguments given as a JSON object literal, e.g. <c>{"message":"m"}</c>.</summary>
    internal async Task<CallToolResult> CallAsync(string tool, string argumentsJson = "{}", IProgress<ProgressNotificationValue>? progress = null, CancellationToken cancellationToken = default)
    {
        using var document = JsonDocument.Parse(argumentsJson);
        var arguments = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        return await Client.CallToolAsync(tool, arguments, progress, cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _serverRun;
        }
        catch (OperationCanceledException)
        {
        }

        await _server.DisposeAsync();
        _loggers.Dispose();
        _stop.Dispose();
        await Sandbox.DisposeAsync();
    }
}
