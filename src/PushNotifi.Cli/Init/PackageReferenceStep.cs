using System.Xml.Linq;

namespace PushNotifi.Cli.Init;

/// <summary>Adds the <c>PushNotifi</c> package with <c>dotnet add package</c>, unless the project already references it.</summary>
internal static class PackageReferenceStep
{
    /// <summary>The package init adds.</summary>
    public const string PackageId = "PushNotifi";

    /// <summary>True when the project file already has a <c>PackageReference</c> to <see cref="PackageId"/>.</summary>
    public static bool IsReferenced(string projectPath)
    {
        var document = XDocument.Load(projectPath);
        return document.Descendants()
            .Where(element => element.Name.LocalName == "PackageReference")
            .Any(element => string.Equals((string?)element.Attribute("Include"), PackageId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The <c>dotnet add package</c> arguments. The SDK itself writes the version to
    /// Directory.Packages.props under Central Package Management and leaves lock files alone.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string projectPath, string version, string? source)
    {
        var arguments = new List<string> { "add", projectPath, "package", PackageId, "--version", version };
        if (source is not null)
        {
            arguments.AddRange(["--source", source]);
        }

        return arguments;
    }
}
