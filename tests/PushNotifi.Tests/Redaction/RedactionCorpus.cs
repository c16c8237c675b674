namespace PushNotifi.Tests.Redaction;

/// <summary>
/// Reads <c>corpus.tsv</c>: one case per line (family, <c>redact</c> or <c>keep</c>, text, and optionally the rule
/// the line tests and where its shape comes from). Provider prefixes are written there as markers and put together
/// here, so that no committed line is a live-format secret that a secret scanner would flag (every value is fake
/// anyway): <c>⟨name⟩</c> is a prefix from the table below, <c>⟨gh|p_⟩</c> the pieces joined, and <c>«h:32»</c> a
/// random run of a character class made at run time (seeded by the line, so each run sees the same text).
/// </summary>
internal static class RedactionCorpus
{
    private const string SecretOpen = "⟦";
    private const string SecretClose = "⟧";

    // Each prefix is split in two so that this file holds no scannable prefix either.
    private static readonly Dictionary<string, string> s_prefixes = new()
    {
        ["AKIA"] = "AK" + "IA",
        ["ASIA"] = "AS" + "IA",
        ["AIza"] = "AI" + "za",
        ["ghp"] = "gh" + "p_",
        ["gho"] = "gh" + "o_",
        ["ghu"] = "gh" + "u_",
        ["ghs"] = "gh" + "s_",
        ["ghr"] = "gh" + "r_",
        ["github_pat"] = "github" + "_pat_",
        ["glpat"] = "gl" + "pat-",
        ["gldt"] = "gl" + "dt-",
        ["glrt"] = "gl" + "rt-",
        ["GR1348941"] = "GR" + "1348941",
        ["xoxb"] = "xo" + "xb-",
        ["xoxp"] = "xo" + "xp-",
        ["xapp"] = "xa" + "pp-",
        ["xoxe_xoxp"] = "xo" + "xe.xo" + "xp-",
        ["slackhooks"] = "https://hooks" + ".slack.com",
        ["SK"] = "S" + "K",
        ["SG"] = "S" + "G.",
        ["sk_live"] = "sk" + "_live_",
        ["sk_test"] = "sk" + "_test_",
        ["rk_live"] = "rk" + "_live_",
        ["rk_test"] = "rk" + "_test_",
        ["whsec"] = "wh" + "sec_",
        ["sk-"] = "sk" + "-",
        ["sk-proj"] = "sk" + "-proj-",
        ["sk-svcacct"] = "sk" + "-svcacct-",
        ["sk-ant"] = "sk" + "-ant-api03-",
        ["npm"] = "np" + "m_",
        ["pypi"] = "pypi" + "-AgEIcHlwaS5vcmc",
        ["oy2"] = "oy" + "2",
        ["eyJ"] = "ey" + "J",
        ["an_key"] = "an" + "_key_",
        ["u"] = "u",
        ["g"] = "g",
        ["PEMBEGIN"] = Pem("BEGIN", ""),
        ["PEMEND"] = Pem("END", ""),
        ["PEMBEGIN_RSA"] = Pem("BEGIN", "RSA "),
        ["PEMEND_RSA"] = Pem("END", "RSA "),
        ["PEMBEGIN_OPENSSH"] = Pem("BEGIN", "OPENSSH "),
        ["PEMEND_OPENSSH"] = Pem("END", "OPENSSH "),
        ["PEMBEGIN_EC"] = Pem("BEGIN", "EC "),
        ["PEMEND_EC"] = Pem("END", "EC "),
    };

    /// <summary>Every case, in file order.</summary>
    public static IReadOnlyList<RedactionCase> Cases { get; } = Load();

    private static string Pem(string edge, string kind) => $"-----{edge} {kind}PRIV" + "ATE KEY-----";

    private static List<RedactionCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Redaction", "corpus.tsv");
        var cases = new List<RedactionCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length is < 3 or > 5 || fields[1] is not ("redact" or "keep"))
            {
                throw new FormatException($"corpus.tsv line {lineNumber}: expected family, redact|keep, text[, rule[, source]].");
            }

            var text = Generate(Expand(fields[2]), new Random(lineNumber)).Replace('⏎', '\n');
            string? secret = null;
            if (fields[1] == "redact")
            {
                var open = text.IndexOf(SecretOpen, StringComparison.Ordinal);
                var close = text.IndexOf(SecretClose, StringComparison.Ordinal);
                if (open < 0 || close < open)
                {
                    throw new FormatException($"corpus.tsv line {lineNumber}: a redact case marks its secret with {SecretOpen}…{SecretClose}.");
                }

                secret = text[(open + SecretOpen.Length)..close];
                text = text.Remove(close, SecretClose.Length).Remove(open, SecretOpen.Length);
            }

            var rule = fields.Length > 3 && fields[3].Length > 0 ? fields[3] : null;
            var source = fields.Length > 4 && fields[4].Length > 0 ? fields[4] : null;
            cases.Add(new RedactionCase(lineNumber, fields[0], text, secret) { Rule = rule, Source = source });
        }

        return cases;
    }

    // «class:length» becomes that many random characters of the class; «uuid» a lower-case UUID.
    private static string Generate(string text, Random random)
    {
        var start = text.IndexOf('«', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf('»', start);
            var spec = text[(start + 1)..end];
            var value = spec == "uuid" ? new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)).ToString() : RandomRun(spec, random);
            text = string.Concat(text.AsSpan(0, start), value, text.AsSpan(end + 1));
            start = text.IndexOf('«', start + value.Length);
        }

        return text;
    }

    private static string RandomRun(string spec, Random random)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var alphabet = spec[..colon] switch
        {
            "a" => "abcdefghijklmnopqrstuvwxyz0123456789",
            "A" => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            "U" => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            "h" => "0123456789abcdef",
            "H" => "0123456789ABCDEF",
            "d" => "0123456789",
            "l" => "abcdefghijklmnopqrstuvwxyz",
            "w" => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
            "b" => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
            "Z" => "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
            "B" => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
            _ => throw new FormatException($"corpus.tsv: unknown character class in «{spec}»."),
        };
        var length = int.Parse(spec[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return new string(random.GetItems(alphabet.AsSpan(), length));
    }

    private static string Expand(string text)
    {
        var start = text.IndexOf('⟨', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf('⟩', start);
            var name = text[(start + 1)..end];
            var prefix = name.Contains('|', StringComparison.Ordinal) ? name.Replace("|", string.Empty, StringComparison.Ordinal) : null;
            if (prefix is null && !s_prefixes.TryGetValue(name, out prefix))
            {
                throw new FormatException($"corpus.tsv: unknown prefix marker ⟨{name}⟩.");
            }

            text = string.Concat(text.AsSpan(0, start), prefix, text.AsSpan(end + 1));
            start = text.IndexOf('⟨', start + prefix.Length);
        }

        return text;
    }
}

/// <summary>One corpus line: the text, and the secret it holds (null when the text must stay as it is).</summary>
internal sealed record RedactionCase(int Line, string Family, string Text, string? Secret)
{
    /// <summary>The rule (a <c>SecretRules</c> name) the line was written for, if any.</summary>
    public string? Rule { get; init; }

    /// <summary>Where the line's shape comes from (a provider's documentation or a gitleaks rule), if stated.</summary>
    public string? Source { get; init; }

    /// <summary>True when <paramref name="redacted"/> keeps nothing of the secret but, at most, its last four characters.</summary>
    public bool IsRedactedIn(string redacted)
    {
        var secret = Secret ?? throw new InvalidOperationException("A keep case has no secret.");
        var head = secret[..Math.Max(1, secret.Length - 4)];
        var window = Math.Min(8, head.Length);
        var context = Text.Replace(secret, string.Empty, StringComparison.Ordinal);
        for (var i = 0; i + window <= head.Length; i++)
        {
            var piece = head.Substring(i, window);
            if (redacted.Contains(piece, StringComparison.Ordinal) && !context.Contains(piece, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
