using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>
/// Hand checks that turn most keyword hits away before a regex runs (a regex call costs far more than a few character
/// tests): <c>CancellationToken cancellationToken</c> holds a keyword but no assignment.
/// </summary>
internal static class SecretPrechecks
{
    private const int LongestNameTail = 64;

    private static readonly SearchValues<char> s_urlAuthorityEnd = SearchValues.Create(" \t\r\n/?#@\"'<>");

    /// <summary>The name around the keyword is followed by <c>=</c>, <c>:</c>, <c>:=</c> or <c>=&gt;</c> (after an optional quote and spaces).</summary>
    public static bool AssignmentFollows(ReadOnlySpan<char> text, int start, int hit)
    {
        var rest = text[hit..];
        var name = rest.IndexOfAnyExcept(SecretScanner.NameCharacters);
        if (name < 0 || name > LongestNameTail)
        {
            return false;
        }

        rest = rest[name..];
        if (rest.Length > 0 && rest[0] == '\\')
        {
            rest = rest[1..];
        }

        if (rest.Length > 0 && rest[0] is '"' or '\'')
        {
            rest = rest[1..];
        }

        rest = rest.TrimStart(" \t");
        return rest.Length > 1 && rest[0] is ':' or '=';
    }

    /// <summary>The name starts with <c>--</c>: a command-line flag.</summary>
    public static bool IsFlag(ReadOnlySpan<char> text, int start, int hit) => text[start..].StartsWith("--", StringComparison.Ordinal);

    /// <summary>After <c>://</c>, the authority holds an <c>@</c>: user information.</summary>
    public static bool UserInfoFollows(ReadOnlySpan<char> text, int start, int hit)
    {
        var authority = text[(hit + 3)..];
        var end = authority.IndexOfAny(s_urlAuthorityEnd);
        return end >= 0 && authority[end] == '@' && authority[..end].Contains(':');
    }

    /// <summary>The keyword is followed by a space or a tab (<c>Bearer</c> and its token).</summary>
    public static bool SpaceFollows(ReadOnlySpan<char> text, int start, int hit)
    {
        var next = hit + 6;
        return next < text.Length && text[next] is ' ' or '\t';
    }
}
