namespace PushNotifi.Cli.Init;

/// <summary>The options of <c>pushnotifi init</c>.</summary>
internal sealed record InitOptions
{
    /// <summary>The project folder; relative paths are taken from the working directory.</summary>
    public string? Directory { get; init; }

    /// <summary>The project file, when the folder holds several.</summary>
    public string? Project { get; init; }

    /// <summary>Leave the project file alone (no SDK check, no <c>dotnet add package</c>).</summary>
    public bool SkipPackage { get; init; }

    /// <summary>The package version to add; defaults to this tool's own version.</summary>
    public string? PackageVersion { get; init; }

    /// <summary>An extra package source for <c>dotnet add package</c> (e.g. a local feed folder).</summary>
    public string? Source { get; init; }

    /// <summary>Which editors get the PushNotifi MCP server in their <c>mcp.json</c>: <c>none</c>, <c>vscode</c>, <c>cursor</c> or <c>both</c>.</summary>
    public string? Mcp { get; init; }
}
