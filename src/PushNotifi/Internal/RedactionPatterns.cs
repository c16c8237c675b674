using System.Text.RegularExpressions;

namespace PushNotifi;

/// <summary>The secret shapes the <see cref="Redactor"/> removes. Non-backtracking, so matching is linear in the input.</summary>
internal static partial class RedactionPatterns
{
    /// <summary>Groups holding the secret part of a match; the text before it (a header or parameter name) is kept.</summary>
    internal static readonly string[] ValueGroups = ["hval", "kval", "bval"];

    private const string Pattern =
        // Header values: X-API-Key: v, "Authorization": "Bearer v"
        """\b(?:x-api-key|authorization|proxy-authorization|api-key|x-auth-token)["']?[ \t]*[:=][ \t]*["']?(?:(?:bearer|basic|token)[ \t]+)?(?<hval>[^\s"',;&]+)"""
        // token=, api_key=, password= ... in URLs, connection strings and JSON
        + """|\b(?:access_token|refresh_token|id_token|token|api_key|apikey|password|passwd|pwd|secret|client_secret|user_key|webhook_token)["']?[ \t]*[:=][ \t]*["']?(?<kval>[^\s"',;&]+)"""
        // Bearer tokens anywhere
        + """|\bbearer[ \t]+(?<bval>[A-Za-z0-9\-._~+/]+=*)"""
        // JWTs
        + """|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"""
        // Long prefixed keys: sk_live_..., pk_..., an_key_...
        + """|\b(?:sk_live|sk_test|rk_live|rk_test|pk_live|pk_test|an_key|ghp|gho|ghs|github_pat|xoxb|xoxp|pk|sk)_[A-Za-z0-9_]{12,}"""
        // PushNotifi-shaped user and group keys
        + """|\b[ug][A-Za-z0-9]{31}\b""";

    [GeneratedRegex(Pattern, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex SecretShapes();
}
