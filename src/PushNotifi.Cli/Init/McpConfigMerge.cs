using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PushNotifi.Cli.Init;

/// <summary>
/// Adds the <c>pushnotifi</c> MCP server to an editor's <c>mcp.json</c>: VS Code's <c>.vscode/mcp.json</c> (under
/// <c>servers</c>) or Cursor's <c>.cursor/mcp.json</c> (under <c>mcpServers</c>). The server runs through
/// <c>dotnet dnx PushNotifi.Mcp</c> and gets the <c>PUSHNOTIFI_*</c> variables passed through from the editor's
/// environment (<c>${env:NAME}</c>), never their values. Other servers and settings are kept; an existing
/// <c>pushnotifi</c> entry is left as it is, so running again changes nothing.
/// </summary>
internal static class McpConfigMerge
{
    /// <summary>The server's name in the file, the upstream's name.</summary>
    public const string ServerName = "pushnotifi";

    /// <summary>The variables passed through, by reference: a value never lands in the file.</summary>
    private static readonly string[] PassedThrough =
    [
        PushNotifiEnvironmentVariables.UserKey,
        PushNotifiEnvironmentVariables.GroupKey,
        PushNotifiEnvironmentVariables.ApiBaseUrl,
        PushNotifiEnvironmentVariables.RateLimitPerMinute,
    ];

    private static readonly JsonSerializerOptions s_writeOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions s_readOptions = new()
    {
        // Both editors read JSON with comments and trailing commas.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The editors init can configure, as <c>--mcp</c> names them.</summary>
    public static readonly string[] Choices = ["none", "vscode", "cursor", "both"];

    /// <summary>The files for a <c>--mcp</c> choice, relative to the project folder.</summary>
    public static IReadOnlyList<McpEditor> EditorsFor(string? choice) => choice switch
    {
        "vscode" => [McpEditor.VsCode],
        "cursor" => [McpEditor.Cursor],
        "both" => [McpEditor.VsCode, McpEditor.Cursor],
        _ => [],
    };

    /// <summary>
    /// The new content of <paramref name="editor"/>'s file, or null when it already has a <c>pushnotifi</c> server.
    /// </summary>
    /// <param name="editor">Which editor's file.</param>
    /// <param name="existing">The file's text, or null when there is none.</param>
    /// <param name="packageVersion">The PushNotifi.Mcp version <c>dnx</c> runs.</param>
    /// <exception cref="McpConfigException">The file is not a JSON object, or its servers entry is not one.</exception>
    public static string? Merge(McpEditor editor, string? existing, string packageVersion)
    {
        JsonObject root;
        if (string.IsNullOrWhiteSpace(existing))
        {
            root = [];
        }
        else
        {
            try
            {
                root = JsonNode.Parse(existing, documentOptions: s_readOptions) as JsonObject
                    ?? throw new McpConfigException("it is not a JSON object");
            }
            catch (JsonException exception)
            {
                throw new McpConfigException($"it is not valid JSON (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1})");
            }
        }

        var serversKey = editor == McpEditor.VsCode ? "servers" : "mcpServers";
        if (root[serversKey] is null)
        {
            root[serversKey] = new JsonObject();
        }
        else if (root[serversKey] is not JsonObject)
        {
            throw new McpConfigException($"its \"{serversKey}\" is not a JSON object");
        }

        var servers = root[serversKey]!.AsObject();
        if (servers.ContainsKey(ServerName))
        {
            return null;
        }

        servers[ServerName] = Entry(editor, packageVersion);
        return root.ToJsonString(s_writeOptions).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject Entry(McpEditor editor, string packageVersion)
    {
        var environment = new JsonObject();
        foreach (var name in PassedThrough)
        {
            environment[name] = "${env:" + name + "}";
        }

        var entry = new JsonObject();
        if (editor == McpEditor.VsCode)
        {
            entry["type"] = "stdio";
        }

        entry["command"] = "dotnet";
        entry["args"] = new JsonArray("dnx", "PushNotifi.Mcp", "--version", packageVersion, "--yes");
        entry["env"] = environment;
        return entry;
    }

    /// <summary>Reads an editor's file as text, or null when it does not exist.</summary>
    public static string? Read(string path) => File.Exists(path) ? Encoding.UTF8.GetString(File.ReadAllBytes(path)) : null;
}
