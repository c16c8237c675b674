using System.Reflection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PushNotifi.Mcp.Tools;

namespace PushNotifi.Mcp.Startup;

/// <summary>Builds the MCP server named <c>pushnotifi</c> over any transport: stdio in the program, pipes in the tests.</summary>
internal static class PushNotifiMcpServer
{
    internal const string Name = "pushnotifi";

    /// <summary>The server-level guidance every client receives at initialization, in two sentences.</summary>
    internal const string Instructions =
        "Before any destructive, irreversible or costly step, ask a person with pushnotifi_request_ack and wait for the "
        + "answer with pushnotifi_await_ack rather than guessing what they would want. Go ahead only on an affirmative "
        + "answer (Approve, Yes, Proceed, Confirm): a refusal, a typed objection or a timeout with no answer all mean do not proceed.";

    internal static string Version { get; } =
        typeof(PushNotifiMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Makes the tool catalog: the runtime client, on <paramref name="time"/>, logging through <paramref name="loggers"/>.</summary>
    /// <exception cref="PushNotifiConfigurationException">A key is malformed; the message shows it only as its last four characters.</exception>
    internal static ToolCatalog CreateCatalog(McpSettings settings, ILoggerFactory loggers, TimeProvider time, IProgress<PushNotifiAckProgress>? ackObserver = null)
    {
        var client = new PushNotifiClient(settings.ToClientOptions(), httpClient: null, loggers.CreateLogger("PushNotifi.Client"), time);
        return new ToolCatalog(new ToolContext(settings, client, time, loggers.CreateLogger("PushNotifi.Mcp"), ackObserver));
    }

    internal static McpServerOptions CreateOptions(ToolCatalog catalog) => new()
    {
        ServerInfo = new Implementation { Name = Name, Title = "PushNotifi", Version = Version },
        ServerInstructions = Instructions,
        Capabilities = new ServerCapabilities { Tools = new ToolsCapability() },
        Handlers = new McpServerHandlers
        {
            ListToolsHandler = (_, _) => ValueTask.FromResult(catalog.List()),
            CallToolHandler = catalog.CallAsync,
        },
        Filters = { Message = { IncomingFilters = [InvalidTextFilter.For(catalog)] } },
    };

    internal static McpServer Create(ITransport transport, ToolCatalog catalog, ILoggerFactory loggers) =>
        McpServer.Create(transport, CreateOptions(catalog), loggers);
}
