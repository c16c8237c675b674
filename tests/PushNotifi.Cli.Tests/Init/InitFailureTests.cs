using PushNotifi.Cli.Init;

namespace PushNotifi.Cli.Tests.Init;

/// <summary>init's failure modes: each stops with its message and exit code, and writes nothing.</summary>
public sealed class InitFailureTests : IDisposable
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>";
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task No_project_file_stops_with_the_exact_message_and_writes_nothing()
    {
        folder.Write("README.md", "hello");

        var run = await Cli.RunAsync(folder.Path, "init");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("pushnotifi-init must be run at the root of a .NET project (no project file found)." + Environment.NewLine, run.Error);
        Assert.Equal(["README.md"], folder.Snapshot().Keys);
    }

    [Fact]
    public async Task Several_project_files_are_listed_and_one_must_be_chosen()
    {
        folder.Write("Api.csproj", Project);
        folder.Write("Worker.fsproj", Project);
        var before = folder.Snapshot();

        var run = await Cli.RunAsync(folder.Path, "init", "--skip-package");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--project", run.Error, StringComparison.Ordinal);
        Assert.Contains("  Api.csproj", run.Error, StringComparison.Ordinal);
        Assert.Contains("  Worker.fsproj", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, folder.Snapshot());

        var chosen = await Cli.RunAsync(folder.Path, "init", "--skip-package", "--project", "Worker.fsproj");
        Assert.Equal(0, chosen.ExitCode);
        Assert.Contains("Project: Worker.fsproj", chosen.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_in_another_folder_gets_its_files_beside_it()
    {
        folder.Write("src/Api/Api.csproj", Project);

        var run = await Cli.RunAsync(folder.Path, "init", "--skip-package", "--project", "src/Api/Api.csproj");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["src/Api/.env.example", "src/Api/.gitignore", "src/Api/Api.csproj"], folder.Snapshot().Keys.Select(key => key.Replace('\\', '/')));
    }

    [Theory]
    [InlineData(".gitignore")]
    [InlineData(".env.example")]
    public async Task A_read_only_file_gives_its_path_and_the_os_error_and_nothing_is_half_written(string readOnlyName)
    {
        folder.Write("App.csproj", Project);
        var readOnly = folder.Write(readOnlyName, "# keep\n");
        File.SetAttributes(readOnly, FileAttributes.ReadOnly);
        var before = folder.Snapshot();

        var run = await Cli.RunAsync(folder.Path, "init", "--skip-package");

        Assert.Equal(73, run.ExitCode);
        Assert.Contains(readOnly, run.Error, StringComparison.Ordinal);
        Assert.Contains("denied", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nothing was changed.", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, folder.Snapshot());
        Assert.DoesNotContain("PushNotifi installed.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sdk_older_than_the_package_needs_names_the_version_to_install()
    {
        folder.Write("App.csproj", Project);
        var before = folder.Snapshot();

        var run = await Cli.RunAsync(folder.Path, null, new FixedVersionRunner("8.0.404"), default, "init");

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("10.0.100", run.Error, StringComparison.Ordinal);
        Assert.Contains("8.0.404", run.Error, StringComparison.Ordinal);
        Assert.Contains("https://dotnet.microsoft.com/download/dotnet/10.0", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, folder.Snapshot());
    }

    [Fact]
    public async Task A_global_json_pinning_a_missing_sdk_fails_the_real_sdk_check()
    {
        folder.Write("App.csproj", Project);
        folder.Write("global.json", "{\"sdk\":{\"version\":\"99.0.100\",\"rollForward\":\"disable\"}}");
        var before = folder.Snapshot();

        var run = await Cli.RunAsync(folder.Path, "init");

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Contains("'dotnet --version' failed with exit code", run.Error, StringComparison.Ordinal);
        Assert.Contains("global.json", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, folder.Snapshot());
    }

    [Fact]
    public async Task A_malformed_project_file_is_reported_and_nothing_is_written()
    {
        folder.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">");
        var before = folder.Snapshot();

        var run = await Cli.RunAsync(folder.Path, "init");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Cannot read the project file", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, folder.Snapshot());
    }

    /// <summary>Answers <c>dotnet --version</c> with a fixed version; any other command is a test failure.</summary>
    private sealed class FixedVersionRunner(string version) : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
        {
            Assert.Equal(["--version"], arguments);
            return Task.FromResult(new ProcessResult(0, version + Environment.NewLine, string.Empty));
        }
    }
}
