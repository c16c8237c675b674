using System.Text.RegularExpressions;

namespace PushNotifi.Redaction;

/// <summary>
/// One secret format: the literal keywords that must occur for it to apply, the regex that confirms it (anchored,
/// non-backtracking, run only where a keyword occurs) and which part of the match is the secret.
/// </summary>
internal sealed class SecretRule
{
    /// <summary>A stable name, used by tests and the docs.</summary>
    public required string Name { get; init; }

    /// <summary>The provider or shape family the corpus reports recall for.</summary>
    public required string Family { get; init; }

    /// <summary>Literals (matched case-insensitively) whose presence lets the pattern run.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>A pattern anchored with <c>^</c>, run from where <see cref="Start"/> says.</summary>
    public required Regex Pattern { get; init; }

    /// <summary>Finds the secret inside a match; the rest (a header or parameter name) is kept.</summary>
    public required SecretLocator Locator { get; init; }

    /// <summary>Where the anchored pattern starts relative to a keyword hit.</summary>
    public RuleStart Start { get; init; } = RuleStart.WordAtKeyword;

    /// <summary>A cheap test on the text around the hit that must pass before the pattern runs; null runs it always.</summary>
    public SecretPrecheck? Precheck { get; init; }

    /// <summary>What the located value must look like to count as a secret.</summary>
    public ValueCheck Check { get; init; } = ValueCheck.None;

    /// <summary>The longest match the pattern is given room for; bounds the work per keyword hit.</summary>
    public int MaxLength { get; init; } = 1024;
}

/// <summary>Where a rule's anchored pattern starts, and what finds that place.</summary>
internal enum RuleStart
{
    /// <summary>
    /// At a token prefix (the keywords, matched case-sensitively) that starts a run of token characters or a part of
    /// one after <c>-</c> or <c>.</c>; found by <see cref="TokenScanner"/>, not by the keyword search.
    /// </summary>
    Token,

    /// <summary>At the keyword, which must not follow a letter, digit or underscore (a token prefix).</summary>
    WordAtKeyword,

    /// <summary>At the keyword, whatever precedes it.</summary>
    Keyword,

    /// <summary>At the start of the identifier that contains the keyword (<c>githubToken</c>, <c>bot_token1</c>).</summary>
    Name,
}

/// <summary>What a located value must look like, beyond not being a placeholder.</summary>
internal enum ValueCheck
{
    /// <summary>The pattern is specific enough.</summary>
    None,

    /// <summary>At least 8 characters mixing letters and digits, or lower and inner upper case: not a plain word.</summary>
    LooksRandom,

    /// <summary>At least 3 characters, not a path (<c>PWD=/home/ci</c>) and not a word that says a password is absent or wrong.</summary>
    Password,
}

/// <summary>True when the text at <paramref name="start"/> (the pattern's start) and <paramref name="hit"/> (the keyword) is worth a regex run.</summary>
internal delegate bool SecretPrecheck(ReadOnlySpan<char> text, int start, int hit);

/// <summary>Finds the secret part <c>[start, end)</c> of a match; false when the match holds none.</summary>
internal delegate bool SecretLocator(ReadOnlySpan<char> match, int keywordLength, out int start, out int end);
