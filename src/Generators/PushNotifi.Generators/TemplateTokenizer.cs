namespace PushNotifi.Generators;

/// <summary>Splits an alert template into literal text and <c>{placeholder}</c> names; <c>{{</c>/<c>}}</c> escape braces.</summary>
internal static class TemplateTokenizer
{
    /// <summary>One token: literal text, or a placeholder name when <see cref="IsPlaceholder"/>.</summary>
    public readonly struct Token
    {
        public Token(string text, bool isPlaceholder)
        {
            Text = text;
            IsPlaceholder = isPlaceholder;
        }

        public string Text { get; }

        public bool IsPlaceholder { get; }
    }

    /// <summary>Tokenizes <paramref name="template"/>; returns false with a reason when braces do not balance.</summary>
    public static bool TryTokenize(string template, List<Token> tokens, out string? error)
    {
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '{')
            {
                if (i + 1 < template.Length && template[i + 1] == '{')
                {
                    literal.Append('{');
                    i += 2;
                    continue;
                }

                var close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    error = "'{' at position " + i + " has no matching '}' (write '{{' for a literal brace)";
                    return false;
                }

                var name = template.Substring(i + 1, close - i - 1).Trim();
                if (name.Length == 0 || name.IndexOf('{') >= 0)
                {
                    error = "empty or nested placeholder at position " + i;
                    return false;
                }

                Flush(literal, tokens);
                tokens.Add(new Token(name, isPlaceholder: true));
                i = close + 1;
                continue;
            }

            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    literal.Append('}');
                    i += 2;
                    continue;
                }

                error = "'}' at position " + i + " has no matching '{' (write '}}' for a literal brace)";
                return false;
            }

            literal.Append(c);
            i++;
        }

        Flush(literal, tokens);
        error = null;
        return true;
    }

    private static void Flush(StringBuilder literal, List<Token> tokens)
    {
        if (literal.Length > 0)
        {
            tokens.Add(new Token(literal.ToString(), isPlaceholder: false));
            literal.Clear();
        }
    }
}
