using ModelContextProtocol.Server;
using PushNotifi;
using PushNotifi.Mcp.Startup;
using PushNotifi.Mcp.Stdio;

// The PushNotifi MCP server on stdio. stdout carries the protocol; everything else goes to stderr.
var settings = McpSettings.Read(Environment.GetEnvironmentVariable, out var problem);
if (settings is null)
{
    await Console.Error.WriteLineAsync("pushnotifi-mcp: " + problem);
    return 1;
}

var redactor = Redactor.ForOptions(settings.ToClientOptions());
using var loggers = new StderrLoggerFactory(Console.Error, redactor);
PushNotifi.Mcp.Tools.ToolCatalog catalog;
try
{
    catalog = PushNotifiMcpServer.CreateCatalog(settings, loggers, TimeProvider.System);
}
catch (PushNotifiConfigurationException ex)
{
    await Console.Error.WriteLineAsync("pushnotifi-mcp: " + redactor.Redact(ex.Message));
    return 1;
}

await Console.Error.WriteLineAsync(settings.StartupLine(PushNotifiMcpServer.Version));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// The SDK's stream transport, fed only the lines it can read: the filter answers the others itself (docs/mcp.md).
var stdout = new WholeLineStdout(Console.OpenStandardOutput());
var stdin = StdinLineFilter.Start(Console.OpenStandardInput(), stdout, loggers.CreateLogger("PushNotifi.Mcp.Stdio"), stop.Token);
await using var server = PushNotifiMcpServer.Create(new StreamServerTransport(stdin.Lines, stdout, PushNotifiMcpServer.Name, loggers), catalog, loggers);
try
{
    await server.RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Ctrl+C: a normal way to stop.
}

return 0;
