using Microsoft.Extensions.Configuration;
using PushNotifi.Sandbox;

// Standalone sandbox: keys from the PUSHNOTIFI_* environment variables (fake ones generated for any
// that are unset), --urls from the command line.
var commandLine = new ConfigurationBuilder().AddCommandLine(args).Build();
var options = SandboxOptions.FromEnvironment();
var generated = options.WithFakeKeys();
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
foreach (var line in SandboxBanner.Lines(options, generated, server.BaseUrl))
{
    Console.WriteLine(line);
}

await server.WaitForShutdownAsync();
return 0;
