using System.Net;
using System.Net.Sockets;
using PushNotifi.Sandbox;

namespace PushNotifi.Templates.Tests;

/// <summary>A project generated from the templates and built with warnings as errors.</summary>
internal sealed class GeneratedApp(string name, string directory, IReadOnlyList<ChildResult> instantiations, ChildResult build)
{
    public string Name { get; } = name;

    public string Directory { get; } = directory;

    public IReadOnlyList<ChildResult> Instantiations { get; } = instantiations;

    public ChildResult Build { get; } = build;

    public string Assembly => Path.Combine(Directory, "bin", "Release", "net10.0", Name + ".dll");

    /// <summary>Fails with the build output unless the build succeeded with no warnings.</summary>
    public GeneratedApp EnsureBuilt()
    {
        Build.EnsureSuccess();
        Assert.True(File.Exists(Assembly), $"No {Assembly}. {Build.Describe()}");
        return this;
    }

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>The PushNotifi variables pointing at <paramref name="sandbox"/>.</summary>
    public static Dictionary<string, string?> SandboxVariables(SandboxServer sandbox) => new()
    {
        ["PUSHNOTIFI_API_BASE_URL"] = sandbox.BaseUrl,
        ["PUSHNOTIFI_USER_KEY"] = TemplateEnvironment.UserKey,
        ["PUSHNOTIFI_GROUP_KEY"] = TemplateEnvironment.GroupKey,
    };

    /// <summary>Runs the built app to completion.</summary>
    public Task<ChildResult> RunAsync(IReadOnlyDictionary<string, string?> variables, params string[] arguments)
        => TestProcess.RunAsync(TestProcess.Dotnet, [Assembly, .. arguments], Directory, variables, TimeSpan.FromMinutes(1));

    /// <summary>Starts the built web app on a free loopback port and waits until it answers.</summary>
    public async Task<(RunningProcess Process, Uri BaseAddress)> StartWebAsync(IReadOnlyDictionary<string, string?> variables)
    {
        var port = FreePort.Next();
        var all = new Dictionary<string, string?>(variables)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
        };
        var child = TestProcess.Start(TestProcess.Dotnet, [Assembly], Directory, all);
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            try
            {
                using var response = await probe.GetAsync(new Uri(baseAddress, "/health-probe"));
                return (child, baseAddress);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (child.HasExited || DateTime.UtcNow > deadline)
                {
                    var output = child.Output;
                    await child.DisposeAsync();
                    throw new InvalidOperationException($"{Name} did not start listening on port {port}. Output:\n{output}");
                }

                await Task.Delay(200);
            }
        }
    }
}
