using System.Reflection;

namespace PushNotifi.Cli.Tests;

/// <summary>The local feed the build packs PushNotifi into, and an isolated NuGet setup that uses it.</summary>
internal static class PackageFeed
{
    public static string Folder { get; } = typeof(PackageFeed).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PackageFeed").Value!;

    /// <summary>
    /// A nuget.config with only the local feed, plus the machine's default source for third-party
    /// dependencies when <paramref name="withDefaultSource"/>; the machine's package cache is a read-only fallback.
    /// </summary>
    public static string NuGetConfig(bool withDefaultSource)
    {
        var fallback = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var defaultSource = withDefaultSource ? "<add key=\"default\" value=\"https://api.nuget.org/v3/index.json\" />" : string.Empty;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Folder}" />
                {defaultSource}
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{fallback}" />
              </fallbackPackageFolders>
            </configuration>
            """;
    }

    /// <summary>Child environment with an isolated package cache under <paramref name="root"/>.</summary>
    public static IReadOnlyDictionary<string, string?> IsolatedEnvironment(string root) =>
        new Dictionary<string, string?>(Cli.ChildEnvironment) { ["NUGET_PACKAGES"] = Path.Combine(root, ".nuget-packages") };
}
