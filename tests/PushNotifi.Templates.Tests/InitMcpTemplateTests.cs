using System.Text.Json.Nodes;

namespace PushNotifi.Templates.Tests;

/// <summary><c>dotnet new pushnotifi-init --mcp …</c> hands the editor choice over to <c>pushnotifi init --mcp</c>.</summary>
[Collection(TemplateTestGroup.Name)]
public sealed class InitMcpTemplateTests(TemplateEnvironment environment)
{
    [Fact]
    public async Task Mcp_both_writes_both_editor_files_with_the_packed_version_and_keeps_an_existing_server()
    {
        var dir = await environment.CreateProjectAsync("InitMcpApp", "console", withPackage: false);
        Directory.CreateDirectory(Path.Combine(dir, ".vscode"));
        await File.WriteAllTextAsync(Path.Combine(dir, ".vscode", "mcp.json"), """{ "servers": { "github": { "type": "http", "url": "https://example.com/mcp" } } }""");

        var result = await environment.NewAsync(dir, "pushnotifi-init", "--allow-scripts", "yes", "--skip-package", "--mcp", "both");

        result.EnsureSuccess();
        var vscode = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, ".vscode", "mcp.json")))!["servers"]!;
        Assert.NotNull(vscode["github"]);
        Assert.Equal(
            ["dnx", "PushNotifi.Mcp", "--version", environment.PackageVersion, "--yes"],
            vscode["pushnotifi"]!["args"]!.AsArray().Select(a => (string?)a));
        var cursor = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, ".cursor", "mcp.json")))!["mcpServers"]!["pushnotifi"]!;
        Assert.Equal("${env:PUSHNOTIFI_USER_KEY}", (string?)cursor["env"]!["PUSHNOTIFI_USER_KEY"]);
    }

    [Fact]
    public async Task Without_mcp_no_editor_file_is_written()
    {
        var dir = await environment.CreateProjectAsync("InitNoMcpApp", "console", withPackage: false);

        (await environment.NewAsync(dir, "pushnotifi-init", "--allow-scripts", "yes", "--skip-package")).EnsureSuccess();

        Assert.False(Directory.Exists(Path.Combine(dir, ".vscode")));
        Assert.False(Directory.Exists(Path.Combine(dir, ".cursor")));
    }
}
