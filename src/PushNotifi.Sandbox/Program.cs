using Microsoft.Extensions.Configuration;
using PushNotifi.Sandbox;

// Standalone sandbox: keys from the PUSHNOTIFI_* environment variables (fake ones generated for any
// that are unset), --urls, --data <file> (keep keys and captures in SQLite), --allowed-hosts <name;name>
// (Host names answered besides loopback), --max-requests and --max-notifications (the caps), --team <n> (team members) from the command line.
var commandLine = new ConfigurationBuilder().AddCommandLine(args).Build();
var options = SandboxOptions.FromEnvironment();
options.Urls = commandLine["urls"] ?? "http://127.0.0.1:5080";
options.DataFile = commandLine["data"];
foreach (var host in (commandLine["allowed-hosts"] ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
{
    options.AllowedHosts.Add(host);
}

options.LogToConsole = true;

IReadOnlyList<string> generated;
SandboxServer server;
try
{
    options.MaxRequests = Cap(commandLine, "max-requests", options.MaxRequests);
    options.MaxNotifications = Cap(commandLine, "max-notifications", options.MaxNotifications);
    options.TeamSize = Cap(commandLine, "team", options.TeamSize);
    // With --data the fake keys come from the file's pepper, so this may already find the file unusable.
    generated = options.WithFakeKeys();
    options.Validate();
    server = await SandboxServer.StartAsync(options);
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync("pushnotifi-sandbox: " + e.Message);
    return 2;
}

await using (server)
{
    foreach (var line in SandboxBanner.Lines(options, generated, server.BaseUrl))
    {
        Console.WriteLine(line);
    }

    await server.WaitForShutdownAsync();
}

return 0;

static int Cap(IConfiguration commandLine, string name, int fallback) =>
    commandLine[name] is not { } text ? fallback
    : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1 ? value
    : throw new InvalidOperationException($"--{name} must be a whole number of at least 1 (got '{text}').");
