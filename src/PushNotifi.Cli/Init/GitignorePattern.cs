using System.Text;
using System.Text.RegularExpressions;

namespace PushNotifi.Cli.Init;

/// <summary>
/// One line of a <c>.gitignore</c>, enough of git's rules to tell whether a file is ignored:
/// negation, anchoring, <c>*</c>, <c>?</c>, <c>[...]</c> and <c>**</c>. Directory-only patterns never match a file.
/// </summary>
internal sealed class GitignorePattern
{
    private readonly Regex regex;
    private readonly bool matchesBaseName;

    private GitignorePattern(string baseDirectory, bool negated, bool matchesBaseName, Regex regex)
    {
        BaseDirectory = baseDirectory;
        Negated = negated;
        this.matchesBaseName = matchesBaseName;
        this.regex = regex;
    }

    /// <summary>The directory holding the <c>.gitignore</c> the pattern came from.</summary>
    public string BaseDirectory { get; }

    /// <summary>True for <c>!pattern</c>, which re-includes what earlier lines ignored.</summary>
    public bool Negated { get; }

    /// <summary>Parses a line; null for blank lines, comments and directory-only patterns.</summary>
    public static GitignorePattern? Parse(string baseDirectory, string line)
    {
        var pattern = line.TrimEnd(' ', '\t', '\r');
        if (pattern.Length == 0 || pattern[0] == '#')
        {
            return null;
        }

        var negated = pattern[0] == '!';
        if (negated || pattern.StartsWith("\\!", StringComparison.Ordinal) || pattern.StartsWith("\\#", StringComparison.Ordinal))
        {
            pattern = pattern[1..];
        }

        if (pattern.Length == 0 || pattern.EndsWith('/'))
        {
            return null;
        }

        var anchored = pattern.Contains('/', StringComparison.Ordinal);
        pattern = pattern.TrimStart('/');
        var regex = new Regex("^" + GlobToRegex(pattern) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return new GitignorePattern(baseDirectory, negated, !anchored, regex);
    }

    /// <summary>True when this pattern names <paramref name="filePath"/> (an absolute path).</summary>
    public bool Matches(string filePath)
    {
        var relative = Path.GetRelativePath(BaseDirectory, filePath).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return false;
        }

        return regex.IsMatch(matchesBaseName ? relative[(relative.LastIndexOf('/') + 1)..] : relative);
    }

    private static string GlobToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slashFollows = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[' && glob.IndexOf(']', i + 1) is var close && close > i + 1)
            {
                var body = glob[(i + 1)..close];
                regex.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                i = close;
            }
            else if (c == '\\' && i + 1 < glob.Length)
            {
                regex.Append(Regex.Escape(glob[++i].ToString()));
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
