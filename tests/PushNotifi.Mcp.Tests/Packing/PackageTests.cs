using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ModelContextProtocol.Client;
using PushNotifi.Mcp.Tests.OutOfProcess;

namespace PushNotifi.Mcp.Tests.Packing;

/// <summary>The package: PushNotifi.Mcp of type McpServer with its .mcp/server.json, run through dnx from a local feed, offline.</summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pushnotifi-mcp-tests", Guid.NewGuid().ToString("N")[..10]);

    public PackageTests() => Directory.CreateDirectory(_root);

    private static string Package =>
        Directory.GetFiles(ServerProcess.PackageFeed, "PushNotifi.Mcp.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
        ?? throw new InvalidOperationException($"No PushNotifi.Mcp package in {ServerProcess.PackageFeed}; build the test project first.");

    private static string Version => Path.GetFileNameWithoutExtension(Package)["PushNotifi.Mcp.".Length..];

    [Fact]
    public void The_package_is_an_McpServer_tool_with_a_server_json_naming_itself_at_its_own_version()
    {
        using var package = ZipFile.OpenRead(Package);

        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName == "PushNotifi.Mcp.nuspec").Open());
        var types = nuspec.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name"));
        Assert.Contains("McpServer", types);

        var serverJson = JsonNode.Parse(package.Entries.Single(e => e.FullName == ".mcp/server.json").Open())!;
        var entry = serverJson["packages"]![0]!;
        Assert.Equal("nuget", (string?)entry["registryType"]);
        Assert.Equal("PushNotifi.Mcp", (string?)entry["identifier"]);
        Assert.Equal(Version, (string?)entry["version"]);
        Assert.Equal(Version, (string?)serverJson["version"]);
        Assert.Equal("stdio", (string?)entry["transport"]!["type"]);
        Assert.Contains(entry["environmentVariables"]!.AsArray(), v => (string?)v!["name"] == "PUSHNOTIFI_USER_KEY" && (bool)v["isSecret"]!);
        Assert.Contains(package.Entries, e => e.FullName == "tools/net10.0/any/PushNotifi.Mcp.dll");
    }

    [Fact]
    public async Task Dnx_runs_the_package_from_a_local_feed_offline_and_it_lists_its_tools()
    {
        var stderr = new ConcurrentQueue<string>();
        var environment = ServerProcess.Environment(TestKeys.Canary, "http://127.0.0.1:9");
        environment["NUGET_PACKAGES"] = Path.Combine(_root, "packages");
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "pushnotifi",
            Command = "dotnet",

            // --source replaces every configured feed with the local one: nothing is fetched from the network.
            Arguments = ["dnx", "PushNotifi.Mcp", "--version", Version, "--yes", "--source", ServerProcess.PackageFeed],
            WorkingDirectory = _root,
            EnvironmentVariables = environment,
            StandardErrorLines = stderr.Enqueue,
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: timeout.Token);
        var tools = await client.ListToolsAsync(cancellationToken: timeout.Token);

        Assert.Equal(6, tools.Count);
        Assert.Equal("pushnotifi", client.ServerInfo!.Name);
        Assert.True(Directory.Exists(Path.Combine(_root, "packages", "pushnotifi.mcp", Version)), "dnx did not use the isolated package folder.");
        Assert.All(stderr, l => Assert.DoesNotContain(TestKeys.Canary, l));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The child may still hold a file for a moment; the OS cleans the temp folder.
        }
    }
}
