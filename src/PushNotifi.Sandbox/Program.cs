using Microsoft.Extensions.Configuration;
using PushNotifi.Sandbox;

// Standalone sandbox: keys from the PUSHNOTIFI_* environment variables, --urls from the command line.
var commandLine = new ConfigurationBuilder().AddCommandLine(args).Build();
var options = SandboxOptions.FromEnvironment();
options.Urls = commandLine["urls"] ?? "http://127.0.0.1:5080";
options.LogToConsole = true;

try
{
    options.Validate();
}
catch (InvalidOperationException e)
{
    await Console.Error.WriteLineAsync("pushnotifi-sandbox: " + e.Message);
    return 2;
}

await using var server = await SandboxServer.StartAsync(options);
await server.WaitForShutdownAsync();
return 0;
