using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PushNotifi.Templates.Tests;

/// <summary>
/// Shared by every template test, set up once per run: a temporary root with a nuget.config whose first source is
/// the freshly packed local feed, an isolated NUGET_PACKAGES, and the template pack installed into a custom hive.
/// Generated apps are created and built in the background, two at a time, as soon as a test asks for them.
/// </summary>
public sealed partial class TemplateEnvironment : IAsyncLifetime, IDisposable
{
    /// <summary>The fake user key the sandbox accepts: the kit's <see cref="TestKeys.User"/>.</summary>
    public static readonly string UserKey = TestKeys.User;

    /// <summary>The fake group key: the kit's <see cref="TestKeys.Group"/>.</summary>
    public static readonly string GroupKey = TestKeys.Group;

    /// <summary>A canary: it must never appear in any output a test captures.</summary>
    public const string WebhookToken = "wCANARYwebhookTOKENforTESTS00001";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(6);
    private readonly SemaphoreSlim _heavySteps = new(2);
    private readonly ConcurrentDictionary<string, Lazy<Task<GeneratedApp>>> _apps = new();
    private Task? _warmUp;

    /// <summary>The temporary root of this run.</summary>
    public string Root { get; private set; } = "";

    /// <summary>The local feed with the packed packages.</summary>
    public string Feed { get; private set; } = "";

    /// <summary>The version of the packed packages.</summary>
    public string PackageVersion { get; private set; } = "";

    /// <summary>The custom template hive.</summary>
    public string Hive { get; private set; } = "";

    /// <summary>The template package that was installed.</summary>
    public string TemplatePackage { get; private set; } = "";

    /// <summary>What every dotnet child gets: the isolated package folder and no MSBuild node reuse.</summary>
    public IReadOnlyDictionary<string, string?> DotnetEnvironment { get; private set; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        Feed = Metadata("PackageFeed");
        var templates = Directory.Exists(Feed)
            ? Directory.GetFiles(Feed, "PushNotifi.Templates.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        Assert.True(templates is not null, $"No PushNotifi.Templates package in {Feed}; build the solution first.");
        TemplatePackage = templates;
        PackageVersion = VersionPattern().Match(Path.GetFileName(templates)).Groups["v"].Value;
        foreach (var id in new[] { "PushNotifi", "PushNotifi.Cli", "PushNotifi.Redis" })
        {
            var package = Path.Combine(Feed, $"{id}.{PackageVersion}.nupkg");
            Assert.True(File.Exists(package), $"Missing {package}; the test project's references build it.");
        }

        Root = Path.Combine(Path.GetTempPath(), "pushnotifi-template-tests", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        Hive = Path.Combine(Root, "hive");
        // The local feed comes first; the machine's own sources (inherited, not cleared) serve Microsoft.Extensions.*.
        await File.WriteAllTextAsync(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="pushnotifi-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        DotnetEnvironment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["NuGetAudit"] = "false",
        };

        var install = await DotnetAsync(Root, TimeSpan.FromMinutes(2), "new", "install", TemplatePackage, "--debug:custom-hive", Hive);
        install.EnsureSuccess();

        // One restore fills the isolated package folder, so the parallel builds later only read it.
        _warmUp = Task.Run(async () =>
        {
            var dir = Path.Combine(Root, "warmup");
            (await DotnetAsync(Root, TimeSpan.FromMinutes(1), "new", "console", "-n", "Warmup", "-o", dir, "--no-restore")).EnsureSuccess();
            AddPushNotifiPackage(Path.Combine(dir, "Warmup.csproj"));
            (await DotnetAsync(dir, BuildTimeout, "restore")).EnsureSuccess();
        });
        await _warmUp;
    }

    public ValueTask DisposeAsync()
    {
        // xunit v3 calls only DisposeAsync on a fixture that has both.
        Dispose();
        if (Environment.GetEnvironmentVariable("PUSHNOTIFI_KEEP_TEMPLATE_TESTS") != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the OS cleans the temp folder.
            }
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => _heavySteps.Dispose();

    /// <summary>Runs <c>dotnet</c> with the shared environment, stdin closed and a timeout.</summary>
    internal Task<ChildResult> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
        => TestProcess.RunAsync("dotnet", arguments, workingDirectory, DotnetEnvironment, timeout);

    /// <summary>Runs a template from the custom hive.</summary>
    internal Task<ChildResult> NewAsync(string workingDirectory, params string[] arguments)
        => DotnetAsync(workingDirectory, TimeSpan.FromMinutes(3), ["new", .. arguments, "--debug:custom-hive", Hive, "--no-update-check"]);

    /// <summary>Creates (once per run) and builds an app from a project template plus recipe templates.</summary>
    internal Task<GeneratedApp> GetAppAsync(AppSpec spec)
        => _apps.GetOrAdd(spec.Name, _ => new Lazy<Task<GeneratedApp>>(() => Task.Run(() => CreateAppAsync(spec)))).Value;

    /// <summary>Creates a fresh project of <paramref name="projectTemplate"/> with the settings every generated app gets.</summary>
    internal async Task<string> CreateProjectAsync(string name, string projectTemplate, bool withPackage)
    {
        var dir = Path.Combine(Root, "apps", name);
        (await DotnetAsync(Root, TimeSpan.FromMinutes(1), "new", projectTemplate, "-n", name, "-o", dir, "--no-restore")).EnsureSuccess();
        var project = Path.Combine(dir, name + ".csproj");
        var text = await File.ReadAllTextAsync(project);
        Assert.Contains("<Nullable>enable</Nullable>", text);
        await File.WriteAllTextAsync(project, text.Replace(
            "<Nullable>enable</Nullable>",
            "<Nullable>enable</Nullable>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>",
            StringComparison.Ordinal));
        if (withPackage)
        {
            AddPushNotifiPackage(project);
        }

        return dir;
    }

    private async Task<GeneratedApp> CreateAppAsync(AppSpec spec)
    {
        if (_warmUp is not null)
        {
            await _warmUp;
        }

        var dir = await CreateProjectAsync(spec.Name, spec.ProjectTemplate, withPackage: true);
        await _heavySteps.WaitAsync();
        try
        {
            // Restored first, so the templates bind the namespace to the project's RootNamespace.
            (await DotnetAsync(dir, BuildTimeout, "restore")).EnsureSuccess();
        }
        finally
        {
            _heavySteps.Release();
        }

        var instantiations = new List<ChildResult>();
        foreach (var arguments in spec.Templates)
        {
            var result = await NewAsync(dir, arguments);
            result.EnsureSuccess();
            instantiations.Add(result);
        }

        if (spec.Program is not null)
        {
            var source = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestApps", spec.Program));
            await File.WriteAllTextAsync(Path.Combine(dir, "Program.cs"), source.Replace("TEMPLATE_APP_NAMESPACE", spec.Name, StringComparison.Ordinal));
        }

        ChildResult build;
        await _heavySteps.WaitAsync();
        try
        {
            build = await DotnetAsync(dir, BuildTimeout, "build", "-c", "Release", "--no-restore");
        }
        finally
        {
            _heavySteps.Release();
        }

        return new GeneratedApp(spec.Name, dir, instantiations, build);
    }

    private void AddPushNotifiPackage(string project)
    {
        var text = File.ReadAllText(project);
        File.WriteAllText(project, text.Replace(
            "</Project>",
            $"  <ItemGroup>\n    <PackageReference Include=\"PushNotifi\" Version=\"{PackageVersion}\" />\n  </ItemGroup>\n</Project>",
            StringComparison.Ordinal));
    }

    private static string Metadata(string key)
        => typeof(TemplateEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
           ?? throw new InvalidOperationException($"No {key} metadata.");

    [GeneratedRegex(@"^PushNotifi\.Templates\.(?<v>\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex VersionPattern();
}
