using System.Collections.Concurrent;
using ModelContextProtocol.Client;
using PushNotifi.Sandbox;

namespace PushNotifi.Mcp.Tests.OutOfProcess;

/// <summary>The built server as a child process on stdio, as an MCP client starts it, against the sandbox on loopback.</summary>
public class StdioServerTests
{
    [Fact]
    public async Task The_child_lists_its_tools_sends_to_the_sandbox_and_never_shows_the_key_on_stderr()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.UserKey = TestKeys.Canary);
        var stderr = new ConcurrentQueue<string>();
        var environment = ServerProcess.Environment(TestKeys.Canary, sandbox.BaseUrl + "/");
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "pushnotifi",
            Command = "dotnet",
            Arguments = [ServerProcess.Assembly],
            EnvironmentVariables = environment,
            StandardErrorLines = stderr.Enqueue,
        });

        await using (var client = await McpClient.CreateAsync(transport))
        {
            var tools = await client.ListToolsAsync();
            Assert.Equal(6, tools.Count);

            var result = await client.CallToolAsync("pushnotifi_send", new Dictionary<string, object?> { ["message"] = "from a child process" });

            Assert.True(result.IsError is not true, result.Text());
            Assert.Equal("from a child process", Assert.Single(sandbox.Notifications).Message);
            Assert.DoesNotContain(TestKeys.Canary, result.Text());
        }

        var lines = stderr.ToArray();
        Assert.Contains(lines, l => l.StartsWith("pushnotifi MCP server", StringComparison.Ordinal) && l.Contains("…0042", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("pushnotifi_send: ok", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain(TestKeys.Canary, l));
    }

    [Theory]
    [InlineData(null, null, "PUSHNOTIFI_USER_KEY is not set")]
    [InlineData(TestKeys.Canary, "file:///etc/passwd", "PUSHNOTIFI_API_BASE_URL must start with http:// or https://")]
    [InlineData("uCANARYbutTOOshort0042", "http://127.0.0.1:9", "PUSHNOTIFI_USER_KEY (…0042) must be 32 letters or digits")]
    public async Task A_bad_environment_exits_1_with_one_line_on_stderr_and_nothing_on_stdout(string? key, string? url, string expected)
    {
        var result = await TestProcess.RunAsync(
            TestProcess.Dotnet,
            [ServerProcess.Assembly],
            ServerProcess.RepositoryRoot,
            ServerProcess.Environment(key, url),
            TimeSpan.FromMinutes(2)); // a hang guard only: a cold start on a loaded 2-core machine took over 30 s

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
        Assert.DoesNotContain(TestKeys.Canary, line);
    }
}
