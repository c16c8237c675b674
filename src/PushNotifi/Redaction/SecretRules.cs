using System.Text.RegularExpressions;

namespace PushNotifi.Redaction;

/// <summary>
/// The secret formats the <c>Redactor</c> knows, as data: one entry per rule, each with its keywords and its
/// pattern. Adding a provider is one entry here and its lines in the test corpus. Every pattern is anchored at the
/// place a keyword hit points to and runs over a bounded window. Token shapes (a prefix and counted character classes,
/// no nested loops) use the backtracking engine, about 10 times faster a match than the non-backtracking one and as
/// linear on them; patterns with a free-form name or value before a separator stay non-backtracking.
/// </summary>
internal static partial class SecretRules
{
    private const RegexOptions Exact = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions AnyCase = Exact | RegexOptions.IgnoreCase;

    // Token shapes: linear under backtracking (see RuleTableTests), and much cheaper a match.
    private const RegexOptions Shape = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions ShapeAnyCase = Shape | RegexOptions.IgnoreCase;

    // A name around a secret word, its separator (= : := => with optional quotes) and a quoted or bare value.
    private const string Name = """[A-Za-z0-9_.-]{0,64}""";
    private const string NameTail = """[A-Za-z0-9_.-]{0,32}""";
    private const string Separator = """\\?["']?[ \t]*(?::=|=>|:|=)[ \t]*""";
    private const string Value = """(?:\\?"[^"\r\n\\]{1,256}\\?"|'[^'\r\n]{1,256}'|[^\s"'`,;&<>]{1,512})""";

    // Literals that announce a name = value pair whose name ends in a secret word with "key" (api_key, AccountKey,
    // X-API-Key, subscriptionKey, user_key): "key" followed by what can follow a name. One short literal per
    // separator keeps the keyword search fast, where one literal per name would not.
    private static readonly string[] s_keyAssignments = ["key=", "key:", "key\"", "key'", "key "];

    /// <summary>
    /// Our own rows: shapes gitleaks has none for (PushNotifi keys, NuGet keys, <c>Authorization</c> of any scheme,
    /// connection strings, passwords and secrets after any secret-word name, command-line flags) and the gitleaks
    /// rules whose whole form we keep here (AWS key ids, JWTs, private keys, Slack webhooks, Kubernetes secrets and
    /// the generic API key).
    /// </summary>
    public static IReadOnlyList<SecretRule> Own { get; } =
    [
        // Cloud
        // A key id is a 20-character token, so the token scanner finds it: five more literals in the keyword search
        // would take that search off its fast path (measured: 2 to 5 times slower on words and on key=value logs).
        new() { Name = "aws-access-token", Family = "aws", Keywords = ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"], Pattern = AwsAccessKeyId(), Start = RuleStart.Token, MinLength = 20, Entropy = 3, FromGitleaks = true },
        new() { Name = "azure-storage-key", Family = "azure", Keywords = s_keyAssignments, Pattern = AzureKey(), Locator = SecretLocators.AfterSeparator, Start = RuleStart.Name, Precheck = SecretPrechecks.AssignmentFollows },
        new() { Name = "azure-sas-signature", Family = "azure", Keywords = ["sig="], Pattern = AzureSasSignature(), Locator = SecretLocators.AfterSeparator },
        new() { Name = "gcp-api-key-own", Family = "gcp", Keywords = ["AIza"], Pattern = GcpApiKey(), Start = RuleStart.Token, MinLength = 39 },
        new() { Name = "private-key", Family = "pem", Keywords = ["-----BEGIN"], Pattern = PrivateKeyBlock(), Start = RuleStart.Keyword, MaxLength = 16384, HideWhole = true, FromGitleaks = true },
        new() { Name = "kubernetes-secret-yaml", Family = "kubernetes", Keywords = ["kind:"], Pattern = KubernetesSecretKind(), Start = RuleStart.Keyword, Precheck = SecretPrechecks.KubernetesSecretKind, Collector = KubernetesSecrets.Collect, MaxLength = 64, FromGitleaks = true },

        // Code hosts: any length, where gitleaks' rows take the documented lengths.
        new() { Name = "github-token", Family = "github", Keywords = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], Pattern = GitHubToken(), Start = RuleStart.Token, MinLength = 24 },
        new() { Name = "github-fine-grained-pat-own", Family = "github", Keywords = ["github_pat_"], Pattern = GitHubFineGrainedToken(), Start = RuleStart.Token, MinLength = 33 },
        new() { Name = "gitlab-token", Family = "gitlab", Keywords = ["glpat-", "gldt-", "glrt-", "glrtr-", "glptt-", "glcbt-", "glft-", "glimt-", "glagent-", "glsoat-", "gloas-", "glwt-", "GR1348941"], Pattern = GitLabToken(), Start = RuleStart.Token, MinLength = 25 },

        // Messaging (Twilio's SK… API keys are also found by shape in TokenScanner)
        new() { Name = "slack-token", Family = "slack", Keywords = ["xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "xoxe-", "xoxe.", "xapp-"], Pattern = SlackToken(), Start = RuleStart.Token, MinLength = 20 },
        new() { Name = "slack-webhook-url", Family = "slack", Keywords = ["hooks.slack.com"], Pattern = SlackWebhook(), Locator = SecretLocators.AfterSecondSlash, Start = RuleStart.Keyword, FromGitleaks = true },
        new() { Name = "sendgrid-api-key", Family = "sendgrid", Keywords = ["SG."], Pattern = SendGridKey(), Start = RuleStart.Token, MinLength = 35 },

        // Payments
        new() { Name = "stripe-key", Family = "stripe", Keywords = ["sk_", "rk_", "pk_", "whsec_"], Pattern = StripeKey(), Start = RuleStart.Token, MinLength = TokenScanner.Shortest },

        // AI
        new() { Name = "openai-api-key-own", Family = "openai", Keywords = ["sk-"], Pattern = OpenAiKey(), Start = RuleStart.Token, Check = ValueCheck.LooksRandom, MinLength = 23 },
        new() { Name = "anthropic-api-key-own", Family = "anthropic", Keywords = ["sk-ant-"], Pattern = AnthropicKey(), Start = RuleStart.Token, MinLength = 45 },

        // Package registries
        new() { Name = "npm-token", Family = "npm", Keywords = ["npm_"], Pattern = NpmToken(), Start = RuleStart.Token, MinLength = 40 },
        new() { Name = "pypi-token", Family = "pypi", Keywords = ["pypi-AgE"], Pattern = PyPiToken(), Start = RuleStart.Token, MaxLength = 4096, MinLength = 58 },
        new() { Name = "nuget-api-key", Family = "nuget", Keywords = ["oy2"], Pattern = NuGetKey(), Start = RuleStart.Token, MinLength = 46 },

        // Generic shapes
        new() { Name = "jwt", Family = "jwt", Keywords = ["eyJ"], Pattern = Jwt(), Start = RuleStart.Token, MaxLength = 8192, MinLength = 30, Entropy = 3, FromGitleaks = true },
        new() { Name = "authorization-header", Family = "authorization", Keywords = ["authorization"], Pattern = AuthorizationHeader(), Locator = SecretLocators.LastWordAfterSeparator, Start = RuleStart.Keyword, Precheck = SecretPrechecks.AssignmentFollows, Check = ValueCheck.LooksRandom, MaxLength = 2048 },
        new() { Name = "bearer-token", Family = "authorization", Keywords = ["bearer"], Pattern = BearerToken(), Locator = SecretLocators.LastWord, Precheck = SecretPrechecks.SpaceFollows, Check = ValueCheck.LooksRandom, MaxLength = 2048 },
        new() { Name = "url-basic-auth", Family = "basic-auth", Keywords = ["://"], Pattern = UrlUserInfo(), Locator = SecretLocators.UserInfoPassword, Start = RuleStart.Keyword, Precheck = SecretPrechecks.UserInfoFollows },
        new() { Name = "curl-user", Family = "basic-auth", Keywords = ["-u ", "--user"], Pattern = CurlUser(), Locator = SecretLocators.AfterFirstColon },
        new() { Name = "secret-flag", Family = "assignment", Keywords = ["passw", "token", "secret", .. s_keyAssignments], Pattern = SecretFlag(), Locator = SecretLocators.FlagValue, Start = RuleStart.Name, Precheck = SecretPrechecks.IsFlag, Check = ValueCheck.Password },
        new() { Name = "password-assignment", Family = "assignment", Keywords = ["passw", "pwd", "passphrase"], Pattern = PasswordAssignment(), Locator = SecretLocators.AfterSeparator, Start = RuleStart.Name, Precheck = SecretPrechecks.AssignmentFollows, Check = ValueCheck.Password },
        new()
        {
            Name = "secret-assignment",
            Family = "assignment",
            Keywords = ["token", "secret", "credential", .. s_keyAssignments],
            Pattern = SecretAssignment(),
            Locator = SecretLocators.AfterSeparator,
            Start = RuleStart.Name,
            Precheck = SecretPrechecks.AssignmentFollows,
            Check = ValueCheck.LooksRandom,
        },
        new()
        {
            Name = "generic-api-key",
            Family = "generic",
            Keywords = ["access", "api", "auth", "key", "credential", "creds", "passwd", "password", "secret", "token"],
            Pattern = GenericValue(),
            Start = RuleStart.Assignment,
            End = TokenEnd.Terminator,
            Entropy = 3.5,
            Check = ValueCheck.Generic,
            Allow = GenericNameAllowlist(),
            FromGitleaks = true,
        },
        new() { Name = "an-key", Family = "pushnotifi", Keywords = ["an_key_"], Pattern = AnKey(), Start = RuleStart.Token, MinLength = 19 },
    ];

    /// <summary>Every row: ours, then gitleaks'. Their matches are merged, so order does not matter.</summary>
    public static IReadOnlyList<SecretRule> All { get; } = [.. Own, .. GitleaksRules.All];

    [GeneratedRegex("""^(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b""", Shape)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex("""^[A-Za-z0-9_.-]{0,32}(?:accountkey|sharedaccesskey)\\?["']?[ \t]*[:=][ \t]*\\?["']?[A-Za-z0-9+/]{16,}={0,2}""", ShapeAnyCase)]
    private static partial Regex AzureKey();

    [GeneratedRegex("""^sig=[A-Za-z0-9%+/=]{16,}""", ShapeAnyCase)]
    private static partial Regex AzureSasSignature();

    [GeneratedRegex("""^AIza[0-9A-Za-z_-]{35}""", Shape)]
    private static partial Regex GcpApiKey();

    // Header to footer, or to the end of the body when the text was cut before the footer. The body holds no "--"
    // (base64, real or JSON-escaped line breaks, Proc-Type and DEK-Info lines), so it stops at the footer.
    [GeneratedRegex("""^-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-[^-]){16,}(?:-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)?""", Exact)]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex("""^gh[pousr]_[A-Za-z0-9]{20,251}""", Shape)]
    private static partial Regex GitHubToken();

    [GeneratedRegex("""^github_pat_[A-Za-z0-9_]{22,244}""", Shape)]
    private static partial Regex GitHubFineGrainedToken();

    [GeneratedRegex("""^(?:gl(?:pat|dt|rt|rtr|ptt|cbt|ft|imt|agent|soat|oas|wt)-[A-Za-z0-9_.-]{20,}|GR1348941[A-Za-z0-9_-]{20,})""", Shape)]
    private static partial Regex GitLabToken();

    [GeneratedRegex("""^(?:xox[abprse](?:\.xox[bp])?-[0-9A-Za-z-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,})""", Shape)]
    private static partial Regex SlackToken();

    [GeneratedRegex("""^hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]{16,}""", ShapeAnyCase)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex("""^SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}""", Shape)]
    private static partial Regex SendGridKey();

    [GeneratedRegex("""^(?:(?:sk|rk|pk)_(?:(?:live|test)_[A-Za-z0-9]{10,}|[A-Za-z0-9]{12,})|whsec_[A-Za-z0-9]{20,})""", ShapeAnyCase)]
    private static partial Regex StripeKey();

    [GeneratedRegex("""^sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,})""", Shape)]
    private static partial Regex OpenAiKey();

    [GeneratedRegex("""^sk-ant-(?:api|admin|oat|sid)[0-9]{2}-[A-Za-z0-9_-]{32,}""", Shape)]
    private static partial Regex AnthropicKey();

    [GeneratedRegex("""^npm_[A-Za-z0-9]{36}\b""", Shape)]
    private static partial Regex NpmToken();

    [GeneratedRegex("""^pypi-AgE[A-Za-z0-9_-]{50,}""", Shape)]
    private static partial Regex PyPiToken();

    // NuGet writes its keys in lower case; gitleaks-style shapes are matched in any case, and so is this one.
    [GeneratedRegex("""^oy2[a-z0-9]{43}\b""", ShapeAnyCase)]
    private static partial Regex NuGetKey();

    // gitleaks' shape (each part base64url, the payload and signature also with / and \ as some encoders write them),
    // with a header of any length.
    [GeneratedRegex("""^eyJ[A-Za-z0-9_-]{8,}\.ey[A-Za-z0-9/\\_-]{8,}\.(?:[A-Za-z0-9/\\_-]{10,}={0,2})?""", Shape)]
    private static partial Regex Jwt();

    // Any scheme (Bearer, Basic, Api-Token, …) or none; the credential is the last word.
    [GeneratedRegex("""^authorization\\?["']?[ \t]*[:=][ \t]*\\?["']?(?:[A-Za-z][A-Za-z0-9._-]*[ \t]+)?[^\s"',;]+""", ShapeAnyCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex("""^bearer[ \t]+[^\s"',;]+""", ShapeAnyCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex("""^://[^\s/?#@:"'<>]{0,256}:[^\s/?#@"'<>]{1,256}@""", Shape)]
    private static partial Regex UrlUserInfo();

    [GeneratedRegex("""^(?:-u[ \t]*|--user[ \t=]+)["']?[^\s:"']{1,128}:[^\s"']{1,256}""", Shape)]
    private static partial Regex CurlUser();

    [GeneratedRegex("""^--(?:[a-z]+-)?(?:password|passwd|passphrase|token|secret|api-?key|access-?key|account-?key|secret-?key|client-secret|auth-token|sas-token)[ \t=]+(?:"[^"\r\n]{1,256}"|'[^'\r\n]{1,256}'|[^\s"']{1,512})""", ShapeAnyCase)]
    private static partial Regex SecretFlag();

    [GeneratedRegex("^" + Name + "(?:password|passwd|pwd|passphrase)" + NameTail + Separator + Value, ShapeAnyCase)]
    private static partial Regex PasswordAssignment();

    [GeneratedRegex(
        "^" + Name
        + "(?:token|secret|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth[_-]?key|subscription[_-]?key|functions[_-]?key|master[_-]?key|user[_-]?key|account[_-]?key|signing[_-]?key|encryption[_-]?key)"
        + NameTail + Separator + Value,
        ShapeAnyCase)]
    private static partial Regex SecretAssignment();

    // gitleaks' generic-api-key value: a word of 10 to 150 characters, or base64 of 12 or more.
    [GeneratedRegex("""^(?:[\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})""", ShapeAnyCase)]
    private static partial Regex GenericValue();

    // gitleaks' generic-api-key allowlist: names that hold a keyword but name no secret (credentialsId, api_version,
    // public_key, keyboard, monkey, token_url…) and Maven's io.jsonwebtoken coordinates.
    [GeneratedRegex(
        """(?:access(?:ibility|or)|access[_.-]?id|random[_.-]?access|api[_.-]?(?:id|name|version)|rapid|capital|[a-z0-9-]*api[a-z0-9-]*:jar:|author|X-MS-Exchange-Organization-Auth|Authentication-Results|credentials?[_.-]?id|withCredentials|(?:bucket|foreign|hot|idx|natural|primary|pub(?:lic)?|schema|sequence)[_.-]?key|turkey|key[_.-]?(?:alias|board|code|frame|id|length|mesh|name|pair|press(?:ed)?|ring|selector|signature|size|stone|storetype|word|up|down|left|right)|key[_.-]?vault[_.-]?(?:id|name)|keyVaultToStoreSecrets|key(?:store|tab)[_.-]?(?:file|path)|issuerkeyhash|(?-i:[DdMm]onkey|[DM]ONKEY)|keying|secret[_.-]?(?:length|name|size)|UserSecretsId|csrf[_.-]?token|io\.jsonwebtoken[ \t]?:[ \t]?[\w-]+|(?:api|credentials|token)[_.-]?(?:endpoint|ur[il])|public[_.-]?token|(?:key|token)[_.-]?file)""",
        AnyCase)]
    private static partial Regex GenericNameAllowlist();

    // "kind: Secret" (any quoting) marks a Kubernetes secret; its data block is before or after it in the same document.
    [GeneratedRegex("""^kind:[ \t]*["']?Secret["']?""", ShapeAnyCase)]
    private static partial Regex KubernetesSecretKind();

    [GeneratedRegex("""^an_key_[A-Za-z0-9_]{12,}""", ShapeAnyCase)]
    private static partial Regex AnKey();
}
