namespace PushNotifi.Cli.Init;

/// <summary>An existing <c>mcp.json</c> that init cannot merge into; nothing is written.</summary>
internal sealed class McpConfigException(string reason) : Exception(reason);
