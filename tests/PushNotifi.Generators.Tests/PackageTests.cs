using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using PushNotifi.Sandbox;
using PushNotifi.Testing;

namespace PushNotifi.Generators.Tests;

/// <summary>
/// The real package: a consumer project restores PushNotifi from the freshly packed local feed (isolated package
/// folder), builds with warnings as errors, which loads the generator and Scriban.Signed.dll in the compiler,
/// and runs against the sandbox.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private static readonly string UserKey = TestKeys.User;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pn-generator-package-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>What the runtime's code really calls; anything else in the nuspec would be a dependency forced on every user.</summary>
    private static readonly string[] s_runtimeDependencies =
    [
        "Microsoft.Extensions.Configuration.Binder",
        "Microsoft.Extensions.Http",
        "Microsoft.Extensions.Logging.Abstractions",
        "Polly.Core",
        "System.Threading.RateLimiting",
    ];

    [Fact]
    public void Nuspec_lists_exactly_the_real_dependencies_and_the_generator_ships_as_an_analyzer()
    {
        using var package = ZipFile.OpenRead(Path.Combine(Feed(), "PushNotifi.0.1.0.nupkg"));
        XDocument nuspec;
        using (var stream = package.GetEntry("PushNotifi.nuspec")!.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var ns = nuspec.Root!.Name.Namespace;
        var group = Assert.Single(nuspec.Descendants(ns + "group"));
        Assert.Equal("net10.0", (string?)group.Attribute("targetFramework"));
        var ids = nuspec.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(s_runtimeDependencies, ids);

        // The generator, its template engine and the code fix travel inside the package, never as dependencies (Workspaces included).
        var names = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/PushNotifi.Generators.dll", names);
        Assert.Contains("analyzers/dotnet/cs/Scriban.Signed.dll", names);
        Assert.Contains("analyzers/dotnet/cs/PushNotifi.Generators.CodeFixes.dll", names);
        Assert.Contains("lib/net10.0/PushNotifi.dll", names);
        Assert.DoesNotContain(names, n => n.StartsWith("lib/", StringComparison.Ordinal) && n.Contains("Generators", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Consumer_builds_with_warnings_as_errors_and_its_wrapper_alerts_once()
    {
        var feed = Feed();
        Assert.True(File.Exists(Path.Combine(feed, "PushNotifi.0.1.0.nupkg")), "packed PushNotifi not found in " + feed);
        var project = Path.Combine(_root, "Consumer");
        Directory.CreateDirectory(project);
        await LocalFeedConfig.WriteAsync(_root, feed, "PushNotifi");
        await File.WriteAllTextAsync(Path.Combine(project, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PushNotifi" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), """
            using PushNotifi;

            try
            {
                await NightlyJobs.RunAsync("nightly", "2026-05-10T03:00:00Z", CancellationToken.None);
                Console.WriteLine("no exception");
                return 1;
            }
            catch (InvalidOperationException ex) when (ex.StackTrace!.Contains("RunCoreAsync"))
            {
                Console.WriteLine("caught: " + ex.Message);
                return 0;
            }

            public partial class NightlyJobs
            {
                [PushNotifiAlert("Cron failed: {jobName}", IdempotencyKey = "cron:{jobName}:{runId}")]
                public static partial Task RunAsync(string jobName, string runId, CancellationToken cancellationToken);

                private static async Task RunCoreAsync(string jobName, string runId, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    throw new InvalidOperationException($"{jobName} broke in run {runId}");
                }
            }
            """);

        await using var sandbox = await TestSandbox.StartAsync();
        var build = await RunAsync(project, "build", "-c", "Release", "-warnaserror", "-nologo");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(
            Directory.EnumerateFiles(Path.Combine(project, "obj"), "*.g.cs", SearchOption.AllDirectories).Any(f => f.Contains("PushNotifi.Generators", StringComparison.Ordinal)),
            "the generator produced no source in the consumer build");

        var run = await RunAsync(project, "run", "-c", "Release", "--no-build");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("caught: nightly broke in run 2026-05-10T03:00:00Z", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(UserKey, run.Output, StringComparison.Ordinal);

        var sent = Assert.Single(sandbox.Notifications);
        Assert.Equal("Cron failed: nightly", sent.Title);
        Assert.Equal("cron:nightly:2026-05-10T03:00:00Z", sent.IdempotencyKey);

        async Task<ChildResult> RunAsync(string directory, params string[] args)
        {
            var environment = new Dictionary<string, string?>(TestSandbox.Variables(sandbox))
            {
                ["NUGET_PACKAGES"] = Path.Combine(_root, "packages"),
            };
            return await TestProcess.RunAsync("dotnet", args, directory, environment, TimeSpan.FromMinutes(8), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The local feed that building this project packs every package into.</summary>
    internal static string Feed() =>
        typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PackageFeed").Value!;
}
