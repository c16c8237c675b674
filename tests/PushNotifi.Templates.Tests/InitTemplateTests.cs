namespace PushNotifi.Templates.Tests;

/// <summary>
/// The hand-over from <c>dotnet new pushnotifi-init</c> to <c>pushnotifi init</c> through <c>dotnet dnx</c>, end to end,
/// offline against the local feed. The merge rules themselves are unit-tested with the CLI.
/// </summary>
[Collection(TemplateTestGroup.Name)]
public sealed class InitTemplateTests(TemplateEnvironment environment)
{
    [Fact]
    public async Task Init_hands_over_to_the_cli_and_a_second_run_changes_nothing()
    {
        CronTemplateTests.StartAllBuilds(environment);
        var dir = await environment.CreateProjectAsync("InitApp", "console", withPackage: false);
        await File.WriteAllTextAsync(Path.Combine(dir, ".gitignore"), "bin/\r\nobj/");

        var first = await environment.NewAsync(dir, "pushnotifi-init", "--allow-scripts", "yes");
        first.EnsureSuccess();
        var afterFirst = Snapshot(dir);
        var second = await environment.NewAsync(dir, "pushnotifi-init", "--allow-scripts", "yes");
        second.EnsureSuccess();

        Assert.Contains("PushNotifi installed.", first.StandardOutput);
        Assert.Equal(afterFirst, Snapshot(dir));
        Assert.Contains("already", second.StandardOutput);
        Assert.Contains($"<PackageReference Include=\"PushNotifi\" Version=\"{environment.PackageVersion}\" />", Text(afterFirst, "InitApp.csproj"));
        Assert.Contains("PUSHNOTIFI_USER_KEY=", Text(afterFirst, ".env.example"));
        Assert.StartsWith("bin/\r\nobj/\r\n", Text(afterFirst, ".gitignore"));
        Assert.Contains("!.env.example", Text(afterFirst, ".gitignore"));
        Assert.False(File.Exists(Path.Combine(dir, ".env")));
    }

    [Fact]
    public async Task Skip_package_leaves_the_project_file_alone()
    {
        var dir = await environment.CreateProjectAsync("InitSkipApp", "console", withPackage: false);
        var project = await File.ReadAllTextAsync(Path.Combine(dir, "InitSkipApp.csproj"));

        (await environment.NewAsync(dir, "pushnotifi-init", "--allow-scripts", "yes", "--skip-package")).EnsureSuccess();

        Assert.Equal(project, await File.ReadAllTextAsync(Path.Combine(dir, "InitSkipApp.csproj")));
        Assert.Contains("PUSHNOTIFI_GROUP_KEY=", await File.ReadAllTextAsync(Path.Combine(dir, ".env.example")));
    }

    [Fact]
    public async Task Without_a_project_it_fails_with_the_message_and_writes_nothing()
    {
        var dir = Path.Combine(environment.Root, "no-project");
        Directory.CreateDirectory(dir);

        var result = await environment.NewAsync(dir, "pushnotifi-init", "--allow-scripts", "yes");

        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Contains("pushnotifi-init must be run at the root of a .NET project (no project file found).", result.Output);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public async Task When_scripts_are_not_allowed_it_returns_at_once_with_manual_instructions()
    {
        var dir = await environment.CreateProjectAsync("InitNoScriptsApp", "console", withPackage: false);
        var before = Snapshot(dir);

        // stdin is closed, as in CI: with --allow-scripts no the engine must not prompt.
        var result = await environment.NewAsync(dir, "pushnotifi-init", "--allow-scripts", "no");

        Assert.True(result.ExitCode != 0, result.Describe());
        Assert.Contains($"dotnet dnx -y PushNotifi.Cli@{environment.PackageVersion} -- init", result.Output);
        Assert.Equal(before, Snapshot(dir));
    }

    private static Dictionary<string, string> Snapshot(string dir)
        => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToBase64String(File.ReadAllBytes(f)));

    private static string Text(Dictionary<string, string> snapshot, string file)
        => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(snapshot[file]));
}
