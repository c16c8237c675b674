using System.Text.Json.Nodes;

namespace PushNotifi.Cli.Tests.Init;

/// <summary>init --mcp: the PushNotifi MCP server written or merged into .vscode/mcp.json and .cursor/mcp.json.</summary>
public sealed class InitMcpTests : IDisposable
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>";
    private const string Canary = "uCANARYinitKEYneverWRITTEN000042";
    private readonly TempDirectory folder = new();

    public InitMcpTests() => folder.Write("App.csproj", Project);

    public void Dispose() => folder.Dispose();

    private Task<CliRun> InitAsync(string mcp) =>
        Cli.RunAsync(folder.Path, new Dictionary<string, string> { ["PUSHNOTIFI_USER_KEY"] = Canary }, ["init", "--skip-package", "--package-version", "1.2.3", "--mcp", mcp], null, null, CancellationToken.None);

    private JsonObject Json(string name) => JsonNode.Parse(File.ReadAllText(folder.File(name)))!.AsObject();

    [Fact]
    public async Task Both_editors_get_a_server_that_runs_dnx_and_passes_the_keys_through_by_name()
    {
        var run = await InitAsync("both");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            """
            {
              "servers": {
                "pushnotifi": {
                  "type": "stdio",
                  "command": "dotnet",
                  "args": [
                    "dnx",
                    "PushNotifi.Mcp",
                    "--version",
                    "1.2.3",
                    "--yes"
                  ],
                  "env": {
                    "PUSHNOTIFI_USER_KEY": "${env:PUSHNOTIFI_USER_KEY}",
                    "PUSHNOTIFI_GROUP_KEY": "${env:PUSHNOTIFI_GROUP_KEY}",
                    "PUSHNOTIFI_API_BASE_URL": "${env:PUSHNOTIFI_API_BASE_URL}",
                    "PUSHNOTIFI_RATE_LIMIT_PER_MINUTE": "${env:PUSHNOTIFI_RATE_LIMIT_PER_MINUTE}"
                  }
                }
              }
            }

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(folder.File(".vscode/mcp.json")));
        var cursor = Json(".cursor/mcp.json")["mcpServers"]!["pushnotifi"]!;
        Assert.Null(cursor["type"]);
        Assert.Equal("dotnet", (string?)cursor["command"]);
        Assert.Equal("${env:PUSHNOTIFI_USER_KEY}", (string?)cursor["env"]!["PUSHNOTIFI_USER_KEY"]);
        Assert.Contains(".vscode/mcp.json: added the pushnotifi MCP server for VS Code", run.Output, StringComparison.Ordinal);
        Assert.Contains(".cursor/mcp.json: added the pushnotifi MCP server for Cursor", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, File.ReadAllText(folder.File(".vscode/mcp.json")), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vscode", ".vscode/mcp.json", ".cursor/mcp.json")]
    [InlineData("cursor", ".cursor/mcp.json", ".vscode/mcp.json")]
    public async Task One_editor_gets_only_its_own_file(string mcp, string written, string untouched)
    {
        var run = await InitAsync(mcp);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(folder.File(written)));
        Assert.False(File.Exists(folder.File(untouched)));
    }

    [Fact]
    public async Task Running_again_changes_no_byte_and_says_so()
    {
        await InitAsync("both");
        var first = folder.Snapshot();

        var second = await InitAsync("both");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first, folder.Snapshot());
        Assert.Contains(".vscode/mcp.json: already has a pushnotifi MCP server; left as is.", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_servers_and_settings_in_an_existing_file_are_kept_and_comments_are_read()
    {
        folder.Write(".vscode/mcp.json", """
            {
              // the team's servers
              "inputs": [ { "id": "token", "type": "promptString", "password": true } ],
              "servers": {
                "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/" },
              },
            }
            """);

        var run = await InitAsync("vscode");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = Json(".vscode/mcp.json");
        Assert.Equal("token", (string?)root["inputs"]![0]!["id"]);
        Assert.Equal("https://api.githubcopilot.com/mcp/", (string?)root["servers"]!["github"]!["url"]);
        Assert.NotNull(root["servers"]!["pushnotifi"]);
    }

    [Fact]
    public async Task A_pushnotifi_entry_of_the_users_own_is_left_as_it_is()
    {
        var mine = """{ "mcpServers": { "pushnotifi": { "command": "/opt/pushnotifi-mcp" } } }""";
        folder.Write(".cursor/mcp.json", mine);

        var run = await InitAsync("cursor");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(mine, File.ReadAllText(folder.File(".cursor/mcp.json")));
    }

    [Theory]
    [InlineData("{ \"servers\": { \"github\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"servers\": [] }")]
    public async Task A_file_that_cannot_be_merged_is_a_clear_error_and_nothing_is_written(string broken)
    {
        folder.Write(".vscode/mcp.json", broken);
        var before = folder.Snapshot();

        var run = await InitAsync("both");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Cannot add the MCP server to {folder.File(".vscode/mcp.json")}", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, folder.Snapshot()); // no .env.example, .gitignore or .cursor/mcp.json either
        Assert.False(Directory.Exists(folder.File(".cursor")));
    }

    [Fact]
    public async Task Invalid_JSON_names_the_line()
    {
        folder.Write(".cursor/mcp.json", "{\n  \"mcpServers\": {\n    oops\n  }\n}\n");

        var run = await InitAsync("cursor");

        Assert.Contains("it is not valid JSON (line 3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_editor_is_a_usage_error()
    {
        var run = await InitAsync("emacs");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([folder.File("App.csproj")], Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Without_mcp_no_editor_file_is_written()
    {
        var run = await Cli.RunAsync(folder.Path, "init", "--skip-package");

        Assert.Equal(0, run.ExitCode);
        Assert.False(Directory.Exists(folder.File(".vscode")));
        Assert.False(Directory.Exists(folder.File(".cursor")));
    }
}
