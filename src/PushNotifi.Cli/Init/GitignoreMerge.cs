namespace PushNotifi.Cli.Init;

/// <summary>
/// Works out which of <c>.env</c>, <c>.env.*</c> and <c>!.env.example</c> a project's <c>.gitignore</c>
/// still needs, counting the <c>.gitignore</c> files of parent folders up to the repository root.
/// A pattern already present as a line is not appended again (except an exception that a newly appended pattern would override).
/// </summary>
internal static class GitignoreMerge
{
    private const string Comment = "# PushNotifi: keep local secrets out of git (pushnotifi init)";

    /// <summary>The lines to append to <paramref name="gitignore"/> (in <paramref name="directory"/>); empty when none.</summary>
    public static IReadOnlyList<string> LinesToAppend(string directory, TextFile gitignore)
    {
        var rules = ParentRules(directory).ToList();
        rules.AddRange(gitignore.Lines.Select(line => GitignorePattern.Parse(directory, line)).OfType<GitignorePattern>());
        var existing = gitignore.Lines.Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);

        var added = new List<string>();
        void Add(string pattern, bool evenIfPresent = false)
        {
            if (evenIfPresent || !existing.Contains(pattern))
            {
                added.Add(pattern);
                rules.Add(GitignorePattern.Parse(directory, pattern)!);
            }
        }

        if (!IsIgnored(rules, Path.Combine(directory, ".env")))
        {
            Add(".env");
        }

        if (!IsIgnored(rules, Path.Combine(directory, ".env.local")))
        {
            Add(".env.*");
        }

        // An exception written above a pattern appended now would be overridden by it: repeat it below.
        if (IsIgnored(rules, Path.Combine(directory, ".env.example")))
        {
            Add("!.env.example", evenIfPresent: added.Count > 0);
        }

        return added.Count == 0 ? [] : [Comment, .. added];
    }

    /// <summary>Git's rule: the last matching pattern decides, a negated one re-includes.</summary>
    private static bool IsIgnored(IEnumerable<GitignorePattern> rules, string filePath) =>
        rules.LastOrDefault(rule => rule.Matches(filePath)) is { Negated: false };

    /// <summary>Patterns from <c>.gitignore</c> files above <paramref name="directory"/>, outermost first, up to the repository root.</summary>
    private static List<GitignorePattern> ParentRules(string directory)
    {
        if (IsRepositoryRoot(directory))
        {
            return [];
        }

        var parents = new List<string>();
        for (var current = Directory.GetParent(directory); current is not null; current = current.Parent)
        {
            parents.Add(current.FullName);
            if (IsRepositoryRoot(current.FullName))
            {
                parents.Reverse();
                return parents
                    .Select(parent => (parent, file: Path.Combine(parent, ".gitignore")))
                    .Where(p => File.Exists(p.file))
                    .SelectMany(p => TextFile.Read(p.file).Lines.Select(line => GitignorePattern.Parse(p.parent, line)))
                    .OfType<GitignorePattern>()
                    .ToList();
            }
        }

        // Not inside a repository (or the project folder is the root): only the project's own file counts.
        return [];
    }

    private static bool IsRepositoryRoot(string directory) =>
        Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git"));
}
