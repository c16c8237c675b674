using System.Text;
using PushNotifi.Cli.Init;

namespace PushNotifi.Cli.Tests.Init;

/// <summary>init's file merges, run through the real command with --skip-package (no dotnet child process).</summary>
public sealed class InitMergeTests : IDisposable
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>";
    private readonly TempDirectory folder = new();

    public InitMergeTests() => folder.Write("App.csproj", Project);

    public void Dispose() => folder.Dispose();

    private Task<CliRun> InitAsync() => Cli.RunAsync(folder.Path, "init", "--skip-package");

    private string Text(string name) => File.ReadAllText(folder.File(name));

    [Fact]
    public async Task Fresh_project_gets_env_example_and_gitignore_and_next_steps()
    {
        var run = await InitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "# PushNotifi - get these from https://pushnotifi.me/dashboard\n"
            + "PUSHNOTIFI_USER_KEY=\nPUSHNOTIFI_GROUP_KEY=\n"
            + "# Optional - omit to use the account default application\n# PUSHNOTIFI_APPLICATION_KEY=\n"
            + "# Optional - per-user inbound webhook token (shell/CI shortcut)\n# PUSHNOTIFI_WEBHOOK_TOKEN=\n"
            + "# Optional - defaults to https://api.pushnotifi.me; `pushnotifi sandbox` prints a local one\n# PUSHNOTIFI_API_BASE_URL=\n",
            Text(".env.example"));
        Assert.Equal("# PushNotifi: keep local secrets out of git (pushnotifi init)\n.env\n.env.*\n!.env.example\n", Text(".gitignore"));
        Assert.Contains("PushNotifi installed.", run.Output, StringComparison.Ordinal);
        Assert.Contains("https://pushnotifi.me/dashboard", run.Output, StringComparison.Ordinal);
        Assert.Contains("PUSHNOTIFI_GROUP_KEY", run.Output, StringComparison.Ordinal);
        Assert.Contains("pushnotifi test", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File(".env")));
    }

    [Fact]
    public async Task Running_twice_leaves_byte_identical_files_and_reports_nothing_to_do()
    {
        folder.Write(".gitignore", "bin/\nobj/\n");
        await InitAsync();
        var first = folder.Snapshot();

        var second = await InitAsync();

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first, folder.Snapshot());
        Assert.Contains(".env.example: already lists every PushNotifi key.", second.Output, StringComparison.Ordinal);
        Assert.Contains(".gitignore: already keeps .env files out of git.", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Existing_content_is_kept_and_crlf_without_final_newline_stays_crlf()
    {
        var gitignore = "bin/\r\nobj/";
        var envExample = "\uFEFFDATABASE_URL=\r\n# PUSHNOTIFI_USER_KEY=\r\n";
        File.WriteAllText(folder.File(".gitignore"), gitignore, new UTF8Encoding(false));
        File.WriteAllText(folder.File(".env.example"), envExample, new UTF8Encoding(false));

        Assert.Equal(0, (await InitAsync()).ExitCode);

        var newGitignore = Text(".gitignore");
        Assert.StartsWith(gitignore + "\r\n", newGitignore, StringComparison.Ordinal);
        Assert.EndsWith("\r\n.env\r\n.env.*\r\n!.env.example\r\n", newGitignore, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", newGitignore.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        var envExampleBytes = File.ReadAllBytes(folder.File(".env.example"));
        var originalBytes = new UTF8Encoding(false).GetBytes(envExample);
        Assert.Equal(originalBytes, envExampleBytes[..originalBytes.Length]);
        var newEnvExample = Text(".env.example");
        Assert.DoesNotContain("\n", newEnvExample.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Single(newEnvExample.Split("\r\n"), line => line.Contains("PUSHNOTIFI_USER_KEY=", StringComparison.Ordinal));
        Assert.Contains("\r\nPUSHNOTIFI_GROUP_KEY=\r\n", newEnvExample, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_missing_keys_are_appended_to_env_example()
    {
        folder.Write(".env.example", "PUSHNOTIFI_USER_KEY=\nexport PUSHNOTIFI_APPLICATION_KEY=\n#PUSHNOTIFI_WEBHOOK_TOKEN=\n");

        var run = await InitAsync();

        Assert.Contains(".env.example: added PUSHNOTIFI_GROUP_KEY, PUSHNOTIFI_API_BASE_URL.", run.Output, StringComparison.Ordinal);
        var lines = Text(".env.example").Split('\n');
        foreach (var key in new[] { "PUSHNOTIFI_USER_KEY", "PUSHNOTIFI_GROUP_KEY", "PUSHNOTIFI_APPLICATION_KEY", "PUSHNOTIFI_WEBHOOK_TOKEN", "PUSHNOTIFI_API_BASE_URL" })
        {
            Assert.Single(lines, line => line.Contains(key + "=", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(".env\n.env.*\n!.env.example\n", "")]
    [InlineData(".env*\n", "!.env.example")]
    [InlineData("*.env\n.env.*\n", "!.env.example")]
    [InlineData(".env\n", ".env.*,!.env.example")]
    [InlineData("/.env\n!.env.example\n", ".env.*,!.env.example")]
    [InlineData("/.env\n.env.*\n!.env.example\n", "")]
    [InlineData("# .env\n", ".env,.env.*,!.env.example")]
    [InlineData(".env\n!.env\n", ".env.*,!.env.example")]
    public async Task Gitignore_gets_only_the_patterns_it_lacks_and_never_a_duplicate(string existing, string expectedAdded)
    {
        folder.Write(".gitignore", existing);

        await InitAsync();

        var added = Text(".gitignore")[existing.Length..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'));
        Assert.Equal(expectedAdded, string.Join(",", added));
        var patterns = Text(".gitignore").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#')).ToList();
        if (!existing.Contains("!.env.example", StringComparison.Ordinal))
        {
            // (An exception written before an appended .env.* must be repeated after it, so that case may repeat it.)
            Assert.Equal(patterns.Distinct().Count(), patterns.Count);
        }
    }

    [Fact]
    public async Task A_parent_gitignore_up_to_the_repository_root_counts()
    {
        using var repository = new TempDirectory();
        Directory.CreateDirectory(repository.File(".git"));
        repository.Write(".gitignore", "**/.env\n.env.*\n!.env.example\n");
        var projectFolder = repository.File("src/App");
        repository.Write("src/App/App.csproj", Project);

        var run = await Cli.RunAsync(projectFolder, "init", "--skip-package");

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(projectFolder, ".gitignore")));
        Assert.True(File.Exists(Path.Combine(projectFolder, ".env.example")));
    }

    [Fact]
    public async Task Dot_env_is_never_read_written_or_printed()
    {
        const string Canary = "uCANARYcanaryCANARYcanary0000042";
        var envPath = folder.Write(".env", $"PUSHNOTIFI_USER_KEY={Canary}\n");
        var before = File.ReadAllBytes(envPath);
        var stamp = File.GetLastWriteTimeUtc(envPath);

        var run = await Cli.RunAsync(folder.Path, new Dictionary<string, string> { ["PUSHNOTIFI_GROUP_KEY"] = "gCANARYcanaryCANARYcanary0000042" }, null, default, "init", "--skip-package");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(envPath));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(envPath));
        Assert.DoesNotContain("CANARY", run.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("0042", run.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directory_option_points_init_at_another_folder()
    {
        using var elsewhere = new TempDirectory();

        var run = await Cli.RunAsync(elsewhere.Path, "init", "--skip-package", "--directory", folder.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(folder.File(".gitignore")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
    }
}
