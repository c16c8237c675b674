namespace PushNotifi.Cli.Init;

/// <summary>Finds the one project file init works on.</summary>
internal static class ProjectLocator
{
    /// <summary>The exact message when the folder holds no project file.</summary>
    public const string NoProjectMessage = "pushnotifi-init must be run at the root of a .NET project (no project file found).";

    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    /// <summary>
    /// The project in <paramref name="directory"/>, or the one named by <paramref name="project"/>;
    /// otherwise the error to print.
    /// </summary>
    public static (string? ProjectPath, string? Error) Locate(string directory, string? project)
    {
        if (project is not null)
        {
            var path = Path.GetFullPath(project, directory);
            return File.Exists(path) ? (path, null) : (null, $"The project file '{path}' does not exist.");
        }

        var candidates = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(file => ProjectExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];

        return candidates.Length switch
        {
            0 => (null, NoProjectMessage),
            1 => (candidates[0], null),
            _ => (null, "Several project files found; choose one with --project <path>:" + Environment.NewLine
                + string.Join(Environment.NewLine, candidates.Select(file => "  " + Path.GetFileName(file)))),
        };
    }
}
