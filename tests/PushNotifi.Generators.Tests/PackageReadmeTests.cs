using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PushNotifi.Generators.Tests;

/// <summary>
/// What a user reads: every package shows the readme kept next to its project, and a diagnostic's help link opens the
/// PushNotifi package page, whose readme (and the docs/diagnostics.md packed beside it) explains every reported ID.
/// Reads the nupkgs that building this project packs into the local feed; nothing is packed here.
/// </summary>
public sealed class PackageReadmeTests
{
    /// <summary>Where every help link goes until the repository URL is decided (see docs/diagnostics.md).</summary>
    private const string HelpPage = "https://www.nuget.org/packages/PushNotifi#readme-body-tab";

    /// <summary>Every ID the shipped analyzers can report, found by reflection so a new analyzer or descriptor is covered too.</summary>
    private static readonly DiagnosticDescriptor[] s_reported = typeof(PushNotifiAlertAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .DistinctBy(d => d.Id)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> PackableProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in PackableProjectFiles())
        {
            data.Add(Path.GetRelativePath(DiagnosticTests.RepoRoot(), project).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void Every_diagnostic_the_analyzers_report_links_to_the_PushNotifi_package_page()
    {
        // Reflection found the analyzers: between them they report every descriptor DiagnosticDescriptors declares.
        var declared = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).Order(StringComparer.Ordinal);
        Assert.Equal(declared, s_reported.Select(d => d.Id));
        Assert.All(s_reported, d => Assert.Equal(HelpPage, d.HelpLinkUri));
    }

    [Fact]
    public void The_PushNotifi_package_ships_a_readme_and_the_diagnostics_page_that_both_explain_every_reported_id()
    {
        using var package = ZipFile.OpenRead(PackedPackage("PushNotifi"));
        Assert.Equal("README.md", ReadmeNamedByNuspec(package, "PushNotifi"));
        var readme = ReadEntry(package, "README.md");
        var docs = ReadEntry(package, "docs/diagnostics.md");
        Assert.Equal(File.ReadAllText(Path.Combine(DiagnosticTests.RepoRoot(), "docs", "diagnostics.md")), docs);

        foreach (var descriptor in s_reported)
        {
            // A heading per ID is its anchor (#pna008) wherever headings get ids; the bold title follows it.
            var title = Regex.Escape("**" + descriptor.Title + "**");
            Assert.Matches(new Regex($"^### {descriptor.Id}\\r?\\n\\r?\\n{title} \\(", RegexOptions.Multiline), readme);
            Assert.Matches(new Regex($"^## {descriptor.Id}\\r?\\n{title} \\(", RegexOptions.Multiline), docs);
        }

        // The readme is what the help link renders, so it must not ask for what nuget.org drops: raw HTML or relative links.
        Assert.DoesNotMatch(new Regex("<[a-zA-Z]"), WithoutCode(readme));
        Assert.DoesNotMatch(new Regex(@"\]\((?!https?://)"), WithoutCode(readme));
    }

    [Theory]
    [MemberData(nameof(PackableProjects))]
    public void Every_package_carries_the_readme_kept_next_to_its_project(string project)
    {
        var projectFile = Path.Combine(DiagnosticTests.RepoRoot(), project);
        var id = (string?)XDocument.Load(projectFile).Descendants("PackageId").SingleOrDefault();
        Assert.False(string.IsNullOrEmpty(id), project + " sets no PackageId");
        var source = File.ReadAllText(Path.Combine(Path.GetDirectoryName(projectFile)!, "README.md"));
        Assert.StartsWith("# " + id + "\n", source, StringComparison.Ordinal);

        using var package = ZipFile.OpenRead(PackedPackage(id));
        Assert.Equal("README.md", ReadmeNamedByNuspec(package, id));
        Assert.Equal(source, ReadEntry(package, "README.md"));
    }

    [Fact]
    public void The_seven_packages_are_the_packable_projects()
    {
        var ids = PackableProjectFiles().Select(p => (string)XDocument.Load(p).Descendants("PackageId").Single()).Order(StringComparer.Ordinal);
        Assert.Equal(["PushNotifi", "PushNotifi.Cli", "PushNotifi.Mcp", "PushNotifi.OpenTelemetry", "PushNotifi.Redis", "PushNotifi.Sandbox", "PushNotifi.Templates"], ids);
    }

    /// <summary>Project files that opt in to packing; Directory.Build.props sets IsPackable false for the rest.</summary>
    private static IEnumerable<string> PackableProjectFiles()
    {
        var root = DiagnosticTests.RepoRoot();
        return new[] { "src", "templates" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(p => XDocument.Load(p).Descendants("IsPackable").Any(e => e.Value.Trim() == "true"))
            .Order(StringComparer.Ordinal);
    }

    private static string PackedPackage(string id)
    {
        var feed = PackageTests.Feed();

        // The version must follow the id, or PushNotifi would also match PushNotifi.Cli.0.1.0.nupkg.
        var name = new Regex("^" + Regex.Escape(id) + @"\.\d+\.\d+\.\d+[^/\\]*\.nupkg$");
        return Directory.EnumerateFiles(feed, "*.nupkg").Where(f => name.IsMatch(Path.GetFileName(f))).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException($"No {id} package in {feed}; build this test project first.");
    }

    private static string? ReadmeNamedByNuspec(ZipArchive package, string id)
    {
        var nuspec = XDocument.Load(package.GetEntry(id + ".nuspec")!.Open());
        return (string?)nuspec.Descendants(nuspec.Root!.Name.Namespace + "readme").SingleOrDefault();
    }

    private static string ReadEntry(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path);
        Assert.True(entry is not null, path + " is not in the package");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The text outside code spans and fenced blocks, where markup would be rendered.</summary>
    private static string WithoutCode(string markdown) =>
        Regex.Replace(Regex.Replace(markdown, "^```.*?^```", "", RegexOptions.Singleline | RegexOptions.Multiline), "`[^`\n]*`", "");
}
