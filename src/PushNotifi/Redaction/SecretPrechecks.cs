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
    private static readonly SearchValues<char> s_azureSecretOpeners = SearchValues.Create("\\'\"` \t\r\n>=:(,)");

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

    /// <summary>An Azure AD client secret starts the text or follows a quote, space, <c>&gt;</c>, <c>=</c>, <c>:</c>, <c>(</c>, <c>,</c> or <c>)</c>.</summary>
    public static bool AzureClientSecretStarts(ReadOnlySpan<char> text, int start, int hit) =>
        start == 0 || s_azureSecretOpeners.Contains(text[start - 1]);

    /// <summary>The match starts an XML <c>&lt;add key=…</c> element (NuGet.Config's packageSourceCredentials).</summary>
    public static bool AddKeyElement(ReadOnlySpan<char> text, int start, int hit) =>
        text[start..].StartsWith("<add ", StringComparison.OrdinalIgnoreCase);

    /// <summary>After <c>kind:</c>, spaces and a quote, the word is <c>Secret</c>.</summary>
    public static bool KubernetesSecretKind(ReadOnlySpan<char> text, int start, int hit)
    {
        var rest = text[(hit + 5)..].TrimStart(" \t\"'");
        return rest.StartsWith("secret", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>After <c>://</c>, the host (up to the first <c>/</c>) ends with <paramref name="suffix"/>.</summary>
    public static SecretPrecheck HostEndsWith(string suffix) => (text, start, hit) =>
    {
        var authority = text[(hit + 3)..];
        var end = authority.IndexOfAny(s_urlAuthorityEnd);
        return end > 0 && authority[..end].EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    };
}
