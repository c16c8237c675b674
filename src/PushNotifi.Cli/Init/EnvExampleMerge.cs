using System.Text.RegularExpressions;
using Vars = PushNotifi.PushNotifiEnvironmentVariables;

namespace PushNotifi.Cli.Init;

/// <summary>
/// Works out which PushNotifi keys <c>.env.example</c> lacks, and the commented lines that add them.
/// A key counts as present when it is assigned, even in a commented-out line (<c># KEY=</c>).
/// </summary>
internal static partial class EnvExampleMerge
{
    /// <summary>A PushNotifi variable and the lines that introduce it in <c>.env.example</c>.</summary>
    private sealed record Entry(string Name, string[] Lines);

    private const string Header = "# PushNotifi - get these from https://pushnotifi.me/dashboard";

    private static readonly Entry[] Required =
    [
        new(Vars.UserKey, [Vars.UserKey + "="]),
        new(Vars.GroupKey, [Vars.GroupKey + "="]),
    ];

    private static readonly Entry[] Optional =
    [
        new(Vars.ApplicationKey, ["# Optional - omit to use the account default application", "# " + Vars.ApplicationKey + "="]),
        new(Vars.WebhookToken, ["# Optional - per-user inbound webhook token (shell/CI shortcut)", "# " + Vars.WebhookToken + "="]),
        new(Vars.ApiBaseUrl, ["# Optional - defaults to https://api.pushnotifi.me; `pushnotifi sandbox` prints a local one", "# " + Vars.ApiBaseUrl + "="]),
    ];

    /// <summary>The names of the PushNotifi keys missing from <paramref name="file"/>, in file order.</summary>
    public static IReadOnlyList<string> MissingKeys(TextFile file)
    {
        var present = file.Lines
            .Select(line => AssignmentPattern().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);
        return Required.Concat(Optional).Select(entry => entry.Name).Where(name => !present.Contains(name)).ToArray();
    }

    /// <summary>The lines to append for <paramref name="missingKeys"/>; empty when nothing is missing.</summary>
    public static IReadOnlyList<string> LinesToAppend(IReadOnlyList<string> missingKeys)
    {
        if (missingKeys.Count == 0)
        {
            return [];
        }

        var lines = new List<string> { Header };
        foreach (var entry in Required.Concat(Optional).Where(entry => missingKeys.Contains(entry.Name)))
        {
            lines.AddRange(entry.Lines);
        }

        return lines;
    }

    [GeneratedRegex(@"^\s*(?:#\s*)?(?:export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentPattern();
}
