using System.Buffers;
using System.Text.RegularExpressions;

namespace PushNotifi;

/// <summary>
/// The secret shapes the <see cref="Redactor"/> removes with regexes. Each regex is non-backtracking (linear
/// in the input) and runs only from the first place one of its keywords occurs, found by a vectorized search.
/// </summary>
internal static partial class RedactionPatterns
{
    /// <summary>Groups holding the secret part of a match; the text before it (a header or parameter name) is kept.</summary>
    private static readonly string[] s_valueGroups = ["value"];

    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly (SearchValues<string> Keywords, Regex Pattern)[] s_patterns =
    [
        (Keywords("x-api-key", "authorization", "api-key", "x-auth-token"), HeaderValues()),
        (Keywords("token", "api_key", "apikey", "password", "passwd", "pwd", "secret", "user_key"), KeyValues()),
        (Keywords("bearer"), BearerTokens()),
        (Keywords("eyJ"), Jwts()),
    ];

    /// <summary>Every regex, for tests that check they are all non-backtracking.</summary>
    internal static IEnumerable<Regex> All => s_patterns.Select(p => p.Pattern);

    /// <summary>Replaces every match of every pattern; returns the same instance when nothing matched.</summary>
    internal static string Redact(string text)
    {
        foreach (var (keywords, pattern) in s_patterns)
        {
            var start = text.AsSpan().IndexOfAny(keywords);
            if (start >= 0)
            {
                // Start a little early so a match can begin just before its keyword (e.g. a quote).
                text = pattern.Replace(text, static m => ReplaceMatch(m), -1, Math.Max(0, start - 32));
            }
        }

        return text;
    }

    // X-API-Key: v, "Authorization": "Bearer v", authorization=Basic v
    [GeneratedRegex("""\b(?:x-api-key|proxy-authorization|authorization|api-key|x-auth-token)["']?[ \t]*[:=][ \t]*["']?(?:(?:bearer|basic|token)[ \t]+)?(?<value>[^\s"',;&]+)""", Linear)]
    private static partial Regex HeaderValues();

    // token=, api_key=, password= ... in URLs, connection strings and JSON
    [GeneratedRegex("""\b(?:access_token|refresh_token|id_token|token|api_key|apikey|password|passwd|pwd|secret|client_secret|user_key|webhook_token)["']?[ \t]*[:=][ \t]*["']?(?<value>[^\s"',;&]+)""", Linear)]
    private static partial Regex KeyValues();

    // Bearer tokens anywhere
    [GeneratedRegex("""\bbearer[ \t]+(?<value>[A-Za-z0-9\-._~+/]+=*)""", Linear)]
    private static partial Regex BearerTokens();

    // JWTs: header.payload.signature, base64url
    [GeneratedRegex("""\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*""", Linear)]
    private static partial Regex Jwts();

    private static SearchValues<string> Keywords(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);

    private static string ReplaceMatch(Match match)
    {
        foreach (var name in s_valueGroups)
        {
            var value = match.Groups[name];
            if (value.Success)
            {
                return value.Value.StartsWith(Redactor.Ellipsis, StringComparison.Ordinal)
                    ? match.Value // already redacted
                    : match.Value[..(value.Index - match.Index)] + Redactor.LastFour(value.Value);
            }
        }

        return Redactor.LastFour(match.Value);
    }
}
