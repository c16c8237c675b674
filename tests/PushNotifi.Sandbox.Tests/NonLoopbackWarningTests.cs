namespace PushNotifi.Sandbox.Tests;

/// <summary>Listening where other machines can reach it is allowed, but said loudly: the inspection API has no authentication.</summary>
public class NonLoopbackWarningTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://127.0.0.1:5080;http://my-laptop.lan:5080")]
    public void The_banner_warns_for_an_address_other_machines_can_reach(string urls)
    {
        var options = Fake.Options();
        options.Urls = urls;

        var lines = SandboxBanner.Lines(options, [], "http://127.0.0.1:5080");

        var warning = Assert.Single(lines, l => l.StartsWith("# WARNING:", StringComparison.Ordinal));
        Assert.Contains("no authentication", warning, StringComparison.Ordinal);
        Assert.Equal(0, lines.ToList().IndexOf(warning));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:0;http://127.0.0.2:0")]
    public void The_banner_says_nothing_for_loopback(string urls)
    {
        var options = Fake.Options();
        options.Urls = urls;

        var lines = SandboxBanner.Lines(options, [], "http://127.0.0.1:5080");

        Assert.DoesNotContain(lines, l => l.Contains("WARNING", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_standalone_program_on_all_interfaces_prints_the_warning()
    {
        var port = FreePort.Next();
        await using var sandbox = StandaloneProcess.Start(new Dictionary<string, string>(), "--urls", $"http://0.0.0.0:{port}");
        await Eventually.TrueAsync(() => sandbox.Output.Contains("export PUSHNOTIFI_API_BASE_URL=", StringComparison.Ordinal) || sandbox.HasExited, "the sandbox starts");

        Assert.False(sandbox.HasExited, sandbox.Output);
        Assert.Contains($"# WARNING: listening on http://0.0.0.0:{port}, which other machines can reach.", sandbox.Output, StringComparison.Ordinal);
        Assert.Contains("have no authentication", sandbox.Output, StringComparison.Ordinal);
    }
}
