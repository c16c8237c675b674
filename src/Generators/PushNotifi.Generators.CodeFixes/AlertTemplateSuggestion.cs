namespace PushNotifi.Generators.CodeFixes;

/// <summary>The title and idempotency key the fix writes: a first draft from the method's name and parameters.</summary>
internal static class AlertTemplateSuggestion
{
    private static readonly string[] s_secretWords = { "password", "secret", "token", "key", "credential", "connectionstring" };

    /// <summary><c>RunNightlyReportAsync</c> → <c>Run nightly report failed</c>.</summary>
    public static string Title(string methodName) => Words(TrimAsync(methodName), separator: ' ', capitalizeFirst: true) + " failed";

    /// <summary>
    /// <c>run-nightly-report:{jobName}:{runId}</c> from the parameters that look stable per event (strings, integers,
    /// GUIDs, enums, dates; never a token, a secret-looking name, or an out parameter); null when there is none.
    /// </summary>
    public static string? IdempotencyKey(IMethodSymbol method)
    {
        var parts = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.Out || LooksSecret(parameter.Name) || !IsStable(parameter.Type))
            {
                continue;
            }

            parts.Add("{" + parameter.Name + "}");
        }

        return parts.Count == 0 ? null : Words(TrimAsync(method.Name), separator: '-', capitalizeFirst: false).ToLowerInvariant() + ":" + string.Join(":", parts);
    }

    private static bool IsStable(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Int16:
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt16:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
            case SpecialType.System_Char:
            case SpecialType.System_Boolean:
                return true;
            default:
                // Guid, DateOnly, DateTimeOffset identify events; DateTime.Now-like values are the caller's choice.
                return type.ContainingNamespace?.ToDisplayString() == "System" && type.Name is "Guid" or "DateOnly" or "DateTimeOffset";
        }
    }

    private static bool LooksSecret(string name)
    {
        var lower = name.ToLowerInvariant();
        foreach (var word in s_secretWords)
        {
            if (lower.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static string TrimAsync(string name) =>
        name.EndsWith(AlertDefaults.AsyncSuffix, StringComparison.Ordinal) && name.Length > AlertDefaults.AsyncSuffix.Length
            ? name.Substring(0, name.Length - AlertDefaults.AsyncSuffix.Length)
            : name;

    private static string Words(string name, char separator, bool capitalizeFirst)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]))
            {
                builder.Append(separator);
            }

            builder.Append(i == 0 && capitalizeFirst ? char.ToUpperInvariant(c) : i == 0 ? c : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
