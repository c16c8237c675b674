using PushNotifi.Cli.Init;

namespace PushNotifi.Cli.Tests.Init;

/// <summary>init with the real <c>dotnet add package</c>, installing the freshly packed PushNotifi from the local feed.</summary>
public sealed class InitPackageIntegrationTests : IDisposable
{
    private readonly TempDirectory repository = new();

    public void Dispose() => repository.Dispose();

    private Task<CliRun> InitAsync(string folder, params string[] args) =>
        Cli.RunAsync(folder, null, new TestProcessRunner(PackageFeed.IsolatedEnvironment(repository.Path)), default, ["init", .. args]);

    [Fact]
    public async Task Central_package_management_gets_the_version_in_Directory_Packages_props_and_a_second_run_changes_nothing()
    {
        repository.Write("nuget.config", PackageFeed.NuGetConfig(withDefaultSource: true));
        repository.Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
              </ItemGroup>
            </Project>
            """);
        var app = repository.Write("src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        var folder = Path.GetDirectoryName(app)!;

        var first = await InitAsync(folder);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Package: added PushNotifi 0.1.0.", first.Output, StringComparison.Ordinal);
        var props = File.ReadAllText(repository.File("Directory.Packages.props"));
        Assert.Contains("<PackageVersion Include=\"PushNotifi\" Version=\"0.1.0\" />", props, StringComparison.Ordinal);
        var project = File.ReadAllText(app);
        Assert.Contains("<PackageReference Include=\"PushNotifi\" />", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Version=", project, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "packages.lock.json")));
        var afterFirst = repository.Snapshot();

        var second = await InitAsync(folder);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("PushNotifi is already referenced; left as is.", second.Output, StringComparison.Ordinal);
        Assert.Equal(afterFirst.Where(file => !file.Key.StartsWith(".nuget-packages", StringComparison.Ordinal)),
            repository.Snapshot().Where(file => !file.Key.StartsWith(".nuget-packages", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_failing_dotnet_add_package_is_reported_verbatim_and_nothing_is_written()
    {
        repository.Write("nuget.config", PackageFeed.NuGetConfig(withDefaultSource: false));
        repository.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        var before = repository.Snapshot();

        var run = await InitAsync(repository.Path, "--package-version", "99.99.99");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("failed with exit code 1.", run.Error, StringComparison.Ordinal);
        Assert.Contains("PushNotifi", run.Error, StringComparison.Ordinal);
        Assert.Contains("99.99.99", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, repository.Snapshot().Where(file => !file.Key.StartsWith(".nuget-packages", StringComparison.Ordinal)));
    }
}
