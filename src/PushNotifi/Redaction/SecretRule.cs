using System.Text.RegularExpressions;

namespace PushNotifi.Redaction;

/// <summary>
/// One secret format, as a row of <see cref="SecretRules.All"/>: the literal keywords that must occur for it to apply,
/// the regex that confirms it (anchored, non-backtracking, run only where a keyword occurs), which part of the match is
/// the secret, and the checks a found value must still pass (entropy, allowlist, placeholders).
/// </summary>
internal sealed record SecretRule
{
    /// <summary>A stable name: the gitleaks rule id where the row carries one over, else our own.</summary>
    public required string Name { get; init; }

    /// <summary>The provider or shape family the corpus reports recall for.</summary>
    public required string Family { get; init; }

    /// <summary>Literals (matched case-insensitively) whose presence lets the pattern run.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>A pattern anchored with <c>^</c>, run from where <see cref="Start"/> says; null for a row another row covers.</summary>
    public required Regex? Pattern { get; init; }

    /// <summary>Finds the secret inside a match; the rest (a header or parameter name) is kept.</summary>
    public SecretLocator Locator { get; init; } = SecretLocators.Whole;

    /// <summary>Where the anchored pattern starts relative to a keyword hit.</summary>
    public RuleStart Start { get; init; } = RuleStart.WordAtKeyword;

    /// <summary>A cheap test on the text around the hit that must pass before the pattern runs; null runs it always.</summary>
    public SecretPrecheck? Precheck { get; init; }

    /// <summary>What the located value must look like to count as a secret.</summary>
    public ValueCheck Check { get; init; } = ValueCheck.None;

    /// <summary>The longest match the pattern is given room for; bounds the work per keyword hit.</summary>
    public int MaxLength { get; init; } = 1024;

    /// <summary>What must follow the match (gitleaks' secret suffix, a word boundary, or nothing).</summary>
    public TokenEnd End { get; init; } = TokenEnd.None;

    /// <summary>The Shannon entropy (bits per character) the secret must exceed; 0 checks none (gitleaks' <c>entropy</c>).</summary>
    public double Entropy { get; init; }

    /// <summary>Secrets that match this are kept (gitleaks' rule allowlist); null keeps none.</summary>
    public Regex? Allow { get; init; }

    /// <summary>How many characters before the keyword the pattern starts (<c>_mmk</c> ends a MaxMind key).</summary>
    public int KeywordOffset { get; init; }

    /// <summary>The shortest secret the pattern matches: a token rule at least as long as the token scanner's stride is left to it.</summary>
    public int MinLength { get; init; }

    /// <summary>The whole match becomes a bare ellipsis: a PEM block goes header to footer.</summary>
    public bool HideWhole { get; init; }

    /// <summary>Code that finds the secrets around a match rather than inside it (a Kubernetes secret's data block); null uses <see cref="Locator"/>.</summary>
    public SecretCollector? Collector { get; init; }

    /// <summary>The row that catches this gitleaks rule's secrets when it has no pattern of its own.</summary>
    public string? CoveredBy { get; init; }

    /// <summary>Why a gitleaks rule cannot apply to text at all (it matches file paths only).</summary>
    public string? NotApplicable { get; init; }

    /// <summary>True for rows carried over from gitleaks' default configuration.</summary>
    public bool FromGitleaks { get; init; }
}

/// <summary>Where a rule's anchored pattern starts, and what finds that place.</summary>
internal enum RuleStart
{
    /// <summary>
    /// At a token prefix (the keywords, matched case-insensitively, the pattern deciding case) that starts a run of token
    /// characters or a part of one after a separator; found by <see cref="TokenScanner"/>, not by the keyword search.
    /// </summary>
    Token,

    /// <summary>At the keyword, which must not follow a letter, digit or underscore (a token prefix).</summary>
    WordAtKeyword,

    /// <summary>At the keyword, whatever precedes it.</summary>
    Keyword,

    /// <summary>At the start of the identifier that contains the keyword (<c>githubToken</c>, <c>bot_token1</c>).</summary>
    Name,

    /// <summary>
    /// After an assignment whose name holds a keyword (gitleaks' semi-generic rules: <c>twitter_secret = "…"</c>); found
    /// by <see cref="AssignmentScanner"/>, the pattern matching the value alone.
    /// </summary>
    Assignment,

    /// <summary>Never run: the row is covered by another or cannot apply to text.</summary>
    None,
}

/// <summary>What must follow a match for it to count.</summary>
internal enum TokenEnd
{
    /// <summary>Anything.</summary>
    None,

    /// <summary>Not a letter, digit or underscore (<c>\b</c>).</summary>
    Word,

    /// <summary>gitleaks' secret suffix: a quote, backtick, space, <c>;</c>, an escaped <c>\n</c> or <c>\r</c>, or the end.</summary>
    Terminator,

    /// <summary>Not a letter, digit, underscore or <c>-</c>.</summary>
    WordOrDash,

    /// <summary>Not a base64 character (letters, digits, <c>+</c>, <c>/</c>).</summary>
    Base64,
}

/// <summary>What a located value must look like, beyond not being a placeholder.</summary>
internal enum ValueCheck
{
    /// <summary>The pattern is specific enough.</summary>
    None,

    /// <summary>At least 8 characters mixing letters and digits, or lower and inner upper case: not a plain word or a version.</summary>
    LooksRandom,

    /// <summary>At least 3 characters, not a path (<c>PWD=/home/ci</c>) and not a word that says a password is absent or wrong.</summary>
    Password,

    /// <summary>gitleaks' generic-api-key: entropy over 3.5, not letters alone, no stopword, not a version.</summary>
    Generic,
}

/// <summary>True when the text at <paramref name="start"/> (the pattern's start) and <paramref name="hit"/> (the keyword) is worth a regex run.</summary>
internal delegate bool SecretPrecheck(ReadOnlySpan<char> text, int start, int hit);

/// <summary>
/// Adds the secrets that a match at <paramref name="start"/> (of <paramref name="length"/> characters) announces in
/// the text around it; returns where the text it examined ends, so that later hits inside it are skipped.
/// </summary>
internal delegate int SecretCollector(ReadOnlySpan<char> text, int start, int length, ref SecretSpans spans);

/// <summary>Finds the secret part <c>[start, end)</c> of a match; false when the match holds none.</summary>
internal delegate bool SecretLocator(ReadOnlySpan<char> match, int keywordLength, out int start, out int end);
