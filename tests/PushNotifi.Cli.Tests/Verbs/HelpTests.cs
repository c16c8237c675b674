namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>--help follows System.CommandLine's conventions and documents the exit codes.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Root_help_lists_every_verb_and_the_exit_codes()
    {
        var run = await Cli.RunAsync(Path.GetTempPath(), "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("pushnotifi [command] [options]", run.Output, StringComparison.Ordinal);
        foreach (var verb in new[] { "init", "test", "send", "ask", "sandbox" })
        {
            Assert.Contains($"  {verb} ", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("0 ok, 1 API error, 2 usage or configuration, 3 network", run.Output, StringComparison.Ordinal);
        Assert.Contains("6 declined (ask), 7 no answer before --timeout (ask)", run.Output, StringComparison.Ordinal);
        Assert.Contains("73 cannot write a file", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_help_lists_its_options_the_templates_and_the_defaults()
    {
        var run = await Cli.RunAsync(Path.GetTempPath(), "ask", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { "<question>", "--title", "--template", "--timeout", "--json", "approve_deny, proceed_abort", "[default: approve_deny]", "[default: 900]" })
        {
            Assert.Contains(text, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Init_help_lists_the_options_the_template_relies_on()
    {
        var run = await Cli.RunAsync(Path.GetTempPath(), "init", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--project", "--directory", "--skip-package", "--package-version", "--source" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_verb_is_a_usage_error()
    {
        var run = await Cli.RunAsync(Path.GetTempPath());

        Assert.Equal(2, run.ExitCode);
    }
}
