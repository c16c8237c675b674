namespace PushNotifi.Sandbox;

/// <summary>
/// What a person who started the sandbox needs to paste: <c>export</c> lines for the generated fake keys
/// and the base URL, and where the inbox is. Keys that came from the environment are never printed, only
/// their last 4 characters.
/// </summary>
public static class SandboxBanner
{
    /// <summary>The lines to print once <paramref name="baseUrl"/> is known.</summary>
    /// <param name="options">The options the sandbox runs with.</param>
    /// <param name="generated">The variable names <see cref="SandboxOptions.WithFakeKeys"/> generated values for.</param>
    /// <param name="baseUrl">Where the sandbox listens, without a trailing slash.</param>
    public static IReadOnlyList<string> Lines(SandboxOptions options, IReadOnlyCollection<string> generated, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);

        var lines = new List<string>();
        if (generated.Count > 0)
        {
            lines.Add(options.DataFile is null
                ? "# Generated fake keys for this run (not secrets). Paste into the shell that runs your app:"
                : "# Fake keys of this data file, the same on every start with it (not secrets). Paste into the shell that runs your app:");
        }

        foreach (var (name, value) in new[]
        {
            (SandboxOptions.UserKeyVariable, options.UserKey),
            (SandboxOptions.GroupKeyVariable, options.GroupKey),
            (SandboxOptions.WebhookTokenVariable, options.WebhookToken),
        })
        {
            if (value is null)
            {
                continue;
            }

            // Generated fakes are meant to be copied; a key the person set stays theirs.
            lines.Add(generated.Contains(name)
                ? $"export {name}={value}"
                : $"# {name} from your environment ({SandboxSecrets.LastFour(value)})");
        }

        lines.Add($"export PUSHNOTIFI_API_BASE_URL={baseUrl}");
        lines.Add($"# Inbox (answer alerts here): {baseUrl}/");
        if (options.DataFile is { } dataFile)
        {
            lines.Add($"# Keys and notifications kept in {Path.GetFullPath(dataFile)} (its pepper beside it, in .pepper)");
        }

        return lines;
    }
}
