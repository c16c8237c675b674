using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using PushNotifi.Testing;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// The real package, as a user meets it: an xunit project restores PushNotifi and PushNotifi.Sandbox from the freshly
/// packed local feed (isolated package folder), hosts the sandbox in its own test and asserts the alert its
/// [PushNotifiAlert] wrapper sent.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pn-sandbox-package-" + Guid.NewGuid().ToString("N"));

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

    [Fact]
    public void The_package_is_a_library_for_tests_with_the_asp_net_framework_and_no_exe_config()
    {
        using var package = ZipFile.OpenRead(Path.Combine(Feed(), "PushNotifi.Sandbox.0.1.0.nupkg"));
        var names = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/PushNotifi.Sandbox.dll", names);
        Assert.Contains("lib/net10.0/PushNotifi.Sandbox.xml", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".json", StringComparison.Ordinal));

        XDocument nuspec;
        using (var stream = package.GetEntry("PushNotifi.Sandbox.nuspec")!.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var ns = nuspec.Root!.Name.Namespace;
        Assert.Equal("Microsoft.AspNetCore.App", (string?)Assert.Single(nuspec.Descendants(ns + "frameworkReference")).Attribute("name"));
        // It stays an independent implementation of the wire contract: never a dependency on the client.
        Assert.DoesNotContain(nuspec.Descendants(ns + "dependency"), d => ((string)d.Attribute("id")!).Equals("PushNotifi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_users_xunit_project_hosts_the_packed_sandbox_and_asserts_its_wrappers_alert()
    {
        var feed = Feed();
        var project = Path.Combine(_root, "NightlyJobs.Tests");
        Directory.CreateDirectory(project);
        await LocalFeedConfig.WriteAsync(_root, feed, "PushNotifi", "PushNotifi.Sandbox");
        await File.WriteAllTextAsync(Path.Combine(project, "NightlyJobs.Tests.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PushNotifi" Version="0.1.0" />
                <PackageReference Include="PushNotifi.Sandbox" Version="0.1.0" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
              <ItemGroup>
                <Using Include="Xunit" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "NightlyJobs.cs"), """
            using PushNotifi;

            public partial class NightlyJobs(IPushNotifiClient pushNotifi)
            {
                [PushNotifiAlert("Cron failed: {jobName}", IdempotencyKey = "cron:{jobName}:{runId}")]
                public partial Task RunAsync(string jobName, string runId, CancellationToken cancellationToken);

                private Task RunCoreAsync(string jobName, string runId, CancellationToken cancellationToken) =>
                    throw new InvalidOperationException($"{jobName} broke");
            }
            """);

        // The test as the README shows it.
        await File.WriteAllTextAsync(Path.Combine(project, "NightlyJobsTests.cs"), """
            using PushNotifi;
            using PushNotifi.Sandbox;

            public class NightlyJobsTests
            {
                [Fact]
                public async Task A_failing_run_alerts_once_and_rethrows()
                {
                    var keys = new SandboxOptions();
                    keys.WithFakeKeys();
                    await using var sandbox = await SandboxServer.StartAsync(keys);
                    var client = new PushNotifiClient(new PushNotifiOptions { UserKey = keys.UserKey, GroupKey = keys.GroupKey, ApiBaseUrl = sandbox.BaseUrl });

                    await Assert.ThrowsAsync<InvalidOperationException>(() => new NightlyJobs(client).RunAsync("nightly", "run-1", default));

                    var alert = Assert.Single(sandbox.Notifications);
                    Assert.Equal("Cron failed: nightly", alert.Title);
                    Assert.Equal("cron:nightly:run-1", alert.IdempotencyKey);
                }
            }
            """);

        var run = await DotnetAsync(project, "test", "-nologo", "--logger", "console;verbosity=normal");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Passed NightlyJobsTests.A_failing_run_alerts_once_and_rethrows", run.Output, StringComparison.Ordinal);
    }

    // The shared runner scrubs the test host's MSBuild settings and anyone's PUSHNOTIFI_ keys from the child.
    private Task<ChildResult> DotnetAsync(string directory, params string[] args) =>
        TestProcess.RunAsync(
            "dotnet",
            args,
            directory,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") },
            TimeSpan.FromMinutes(8));

    private static string Feed() =>
        typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PackageFeed").Value!;
}
