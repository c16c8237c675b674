using System.Reflection;

namespace PushNotifi.Mcp.Tests.OutOfProcess;

/// <summary>Where the built server is, and the environment a child gets: only the PUSHNOTIFI_* values given here.</summary>
internal static class ServerProcess
{
    internal static string Assembly { get; } = Metadata("ServerAssembly");

    internal static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The local feed the build packs PushNotifi.Mcp into.</summary>
    internal static string PackageFeed { get; } = Metadata("PackageFeed");

    internal static Dictionary<string, string?> Environment(string? userKey, string? baseUrl, string? groupKey = null) => new()
    {
        ["PUSHNOTIFI_USER_KEY"] = userKey,
        ["PUSHNOTIFI_GROUP_KEY"] = groupKey ?? TestKeys.Group,
        ["PUSHNOTIFI_API_BASE_URL"] = baseUrl,
        ["PUSHNOTIFI_APPLICATION_KEY"] = null,
        ["PUSHNOTIFI_WEBHOOK_TOKEN"] = null,
        ["PUSHNOTIFI_RATE_LIMIT_PER_MINUTE"] = null,
    };

    private static string Metadata(string key) =>
        typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata.");
}
