using System.CommandLine;

namespace PushNotifi.Cli.Init;

/// <summary>The <c>init</c> verb's command line. Kept stable: the <c>pushnotifi-init</c> template calls it.</summary>
internal static class InitCommand
{
    /// <summary>Builds <c>pushnotifi init</c>.</summary>
    public static Command Create(CliContext context)
    {
        var project = new Option<string?>("--project")
        {
            Description = "The project file to add PushNotifi to, when the folder holds several.",
            HelpName = "path",
        };
        var directory = new Option<string?>("--directory")
        {
            Description = "The project folder [default: the current directory].",
            HelpName = "dir",
        };
        var skipPackage = new Option<bool>("--skip-package")
        {
            Description = "Only merge .env.example and .gitignore; leave the project file alone.",
        };
        var packageVersion = new Option<string?>("--package-version")
        {
            Description = $"The PushNotifi package version to add [default: {InitRunner.ToolVersion}, this tool's version].",
            HelpName = "version",
        };
        var source = new Option<string?>("--source")
        {
            Description = "An extra NuGet source for 'dotnet add package' (a feed URL or a local folder).",
            HelpName = "feed",
        };

        var mcp = new Option<string?>("--mcp")
        {
            Description = "Also add the PushNotifi MCP server (dotnet dnx PushNotifi.Mcp) to .vscode/mcp.json, .cursor/mcp.json or both, "
                + "passing the PUSHNOTIFI_* variables through from the editor's environment [default: none].",
            HelpName = "editor",
        };
        mcp.AcceptOnlyFromAmong(McpConfigMerge.Choices);

        var command = new Command(
            "init",
            "Set up PushNotifi in the .NET project in this folder: add the PushNotifi package, append missing keys to "
            + ".env.example and the .env patterns to .gitignore. Safe to run again; never touches .env, never prompts, never sends.")
        {
            project, directory, skipPackage, packageVersion, source, mcp,
        };
        command.SetAction((parseResult, cancellationToken) => InitRunner.RunAsync(
            new InitOptions
            {
                Project = parseResult.GetValue(project),
                Directory = parseResult.GetValue(directory),
                SkipPackage = parseResult.GetValue(skipPackage),
                PackageVersion = parseResult.GetValue(packageVersion),
                Source = parseResult.GetValue(source),
                Mcp = parseResult.GetValue(mcp),
            },
            context,
            cancellationToken));
        return command;
    }
}
