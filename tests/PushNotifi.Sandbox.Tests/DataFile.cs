namespace PushNotifi.Sandbox.Tests;

/// <summary>A fresh folder with a data file path for one test, removed afterwards.</summary>
internal sealed class DataFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pushnotifi-sandbox-data-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "sandbox.db");

    public string Folder => _folder;

    public SandboxOptions Options()
    {
        var options = Fake.Options();
        options.DataFile = Path;
        return options;
    }

    public Task<SandboxServer> StartAsync() => SandboxServer.StartAsync(Options());

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
