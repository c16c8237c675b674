using System.Buffers;

namespace PushNotifi.Redaction;

/// <summary>The ways a rule's match holds its secret.</summary>
internal static class SecretLocators
{
    private static readonly SearchValues<char> s_separators = SearchValues.Create(" \t:=>\"'\\`");
    private static readonly SearchValues<char> s_closers = SearchValues.Create("\"'\\`");
    private static readonly SearchValues<char> s_space = SearchValues.Create(" \t");
    private static readonly SearchValues<char> s_flagGaps = SearchValues.Create(" \t=");
    private static readonly SearchValues<char> s_flagSkips = SearchValues.Create(" \t=\"'");
    private static readonly SearchValues<char> s_closingDelimiters = SearchValues.Create("\\'\"` \t\r\n<),");

    /// <summary>The whole match is the secret (a prefixed token).</summary>
    public static bool Whole(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = 0;
        end = match.Length;
        return true;
    }

    /// <summary>Everything after the keyword (a PEM body after <c>PRIVATE KEY-----</c>).</summary>
    public static bool AfterKeyword(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = keywordLength;
        end = match.Length;
        return end > start;
    }

    /// <summary>The value after the first <c>=</c> or <c>:</c> and any quotes and spaces, without a closing quote.</summary>
    public static bool AfterSeparator(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = end = 0;
        var separator = match.IndexOfAny('=', ':');
        if (separator < 0)
        {
            return false;
        }

        var value = match[separator..].IndexOfAnyExcept(s_separators);
        if (value < 0)
        {
            return false;
        }

        start = separator + value;
        end = match.Length;
        while (end > start && s_closers.Contains(match[end - 1]))
        {
            end--;
        }

        end = WithoutUnopenedBracket(match, start, end);
        return end > start;
    }

    // "(X-API-Key: u…cf41)": a bare value ends before a bracket it did not open, so the text keeps its ")" and the
    // last four shown are the secret's own.
    private static int WithoutUnopenedBracket(ReadOnlySpan<char> match, int start, int end)
    {
        while (end > start)
        {
            var opener = match[end - 1] switch
            {
                ')' => '(',
                ']' => '[',
                '}' => '{',
                _ => '\0',
            };
            if (opener == '\0' || match[start..(end - 1)].Contains(opener))
            {
                break;
            }

            end--;
        }

        return end;
    }

    /// <summary>The last word of the value: the credential after an <c>Authorization</c> scheme.</summary>
    public static bool LastWordAfterSeparator(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        if (!AfterSeparator(match, keywordLength, out start, out end))
        {
            return false;
        }

        var space = match[start..end].LastIndexOfAny(s_space);
        start += space + 1;
        return end > start;
    }

    /// <summary>The last word of the match (the token after <c>Bearer</c>).</summary>
    public static bool LastWord(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = match.LastIndexOfAny(s_space) + 1;
        end = match.Length;
        return start > 0 && end > start;
    }

    /// <summary>The password of <c>user:password@</c> after <c>://</c>.</summary>
    public static bool UserInfoPassword(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = keywordLength + match[keywordLength..].IndexOf(':') + 1;
        end = match.LastIndexOf('@');
        return start > keywordLength && end > start;
    }

    /// <summary>The password after the first colon of <c>user:password</c> (curl's <c>-u</c>).</summary>
    public static bool AfterFirstColon(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = match.IndexOf(':') + 1;
        end = match.Length;
        while (end > start && s_closers.Contains(match[end - 1]))
        {
            end--;
        }

        return start > 0 && end > start;
    }

    /// <summary>The path after the host and the first segment (<c>hooks.slack.com/services/…</c>).</summary>
    public static bool AfterSecondSlash(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        var first = match.IndexOf('/');
        var second = first < 0 ? -1 : match[(first + 1)..].IndexOf('/');
        start = first + second + 2;
        end = match.Length;
        return first >= 0 && second >= 0 && end > start;
    }

    /// <summary>The body after the <c>-----</c> that closes a PEM BEGIN line (the match starts with <c>-----BEGIN</c>).</summary>
    public static bool AfterPemHeader(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = keywordLength + match[keywordLength..].IndexOf("-----", StringComparison.Ordinal) + 5;
        end = match.Length;
        return start >= keywordLength + 5 && end > start;
    }

    /// <summary>The value of a command-line flag, after a space or <c>=</c> and without quotes.</summary>
    public static bool FlagValue(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = end = 0;
        var gap = match.IndexOfAny(s_flagGaps);
        var value = gap < 0 ? -1 : match[gap..].IndexOfAnyExcept(s_flagSkips);
        if (value < 0)
        {
            return false;
        }

        start = gap + value;
        end = match.Length;
        while (end > start && s_closers.Contains(match[end - 1]))
        {
            end--;
        }

        return end > start;
    }

    /// <summary>The match without the one delimiter that closes it (Azure AD client secrets end at a quote, space, <c>&lt;</c>, <c>)</c> or <c>,</c>).</summary>
    public static bool WithoutClosingDelimiter(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = 0;
        end = match.Length;
        if (end > 0 && s_closingDelimiters.Contains(match[end - 1]))
        {
            end--;
        }

        return end > start;
    }

    /// <summary>The URL's path after its first segment (<c>://host/webhookb2/…</c>): the host and the segment stay.</summary>
    public static bool UrlPathAfterFirstSegment(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        end = match.Length;
        start = 0;
        var host = match.IndexOf("://", StringComparison.Ordinal);
        if (host < 0)
        {
            return false;
        }

        var rest = match[(host + 3)..];
        var first = rest.IndexOf('/');
        var second = first < 0 ? -1 : rest[(first + 1)..].IndexOf('/');
        start = host + 3 + first + second + 2;
        return first >= 0 && second >= 0 && end > start;
    }

    /// <summary>The contents of the last quoted string of the match (<c>value="…"</c>).</summary>
    public static bool LastQuoted(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        end = match.LastIndexOf('"');
        start = end <= 0 ? 0 : match[..end].LastIndexOf('"') + 1;
        return end > 0 && start > 0 && end > start;
    }

    /// <summary>The whole user information between <c>://</c> and <c>@</c> (a name and a password that are one secret).</summary>
    public static bool UserInfo(ReadOnlySpan<char> match, int keywordLength, out int start, out int end)
    {
        start = keywordLength;
        end = match.LastIndexOf('@');
        return end > start;
    }
}
