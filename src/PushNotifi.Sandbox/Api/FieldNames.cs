namespace PushNotifi.Sandbox.Api;

/// <summary>Finds the known field a mistyped one most likely meant (<c>scopes</c> → <c>scope</c>, <c>Kind</c> → <c>kind</c>).</summary>
internal static class FieldNames
{
    // Two edits catch a plural, a dropped or doubled letter, a swap; more starts suggesting unrelated names.
    private const int MaxDistance = 2;

    /// <summary>The known name closest to <paramref name="name"/> ignoring case, or null when none is within two edits.</summary>
    public static string? Nearest(string name, IReadOnlyList<string> known)
    {
        if (name.Length > 64)
        {
            return null;
        }

        string? best = null;
        var bestDistance = MaxDistance + 1;
        foreach (var candidate in known)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    // Levenshtein distance, one row at a time.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
