namespace PushNotifi.Testing;

/// <summary>
/// The nuget.config a packed-package test writes beside its consumer project: our packages only from the local
/// feed (source mapping, so a package of the same id on nuget.org can never stand in), everything else from nuget.org.
/// </summary>
internal static class LocalFeedConfig
{
    public static Task WriteAsync(string folder, string feed, params string[] localPackages) =>
        File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">{string.Concat(localPackages.Select(id => $"<package pattern=\"{id}\" />"))}</packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
}
