namespace PushNotifi.Cli.Init;

/// <summary>An editor whose MCP configuration init writes.</summary>
/// <param name="Name">How init names it in its output.</param>
/// <param name="RelativePath">The file, relative to the project folder.</param>
internal sealed record McpEditor(string Name, string RelativePath)
{
    public static McpEditor VsCode { get; } = new("VS Code", Path.Combine(".vscode", "mcp.json"));

    public static McpEditor Cursor { get; } = new("Cursor", Path.Combine(".cursor", "mcp.json"));
}
