using System.Net;
using Microsoft.AspNetCore.Http;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox;

/// <summary>
/// What a person who started the sandbox needs to paste: <c>export</c> lines for the generated fake keys
/// and the base URL, and where the inbox is; first, a warning for each address other machines can reach. Keys that came from the environment are never printed, only
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
        foreach (var url in NonLoopback(options.Urls))
        {
            lines.Add($"# WARNING: listening on {url}, which other machines can reach. The inbox and the inspection API (/sandbox: "
                + "captures, acks, faults) have no authentication: anyone who reaches it can read what was sent and answer alerts. "
                + "Bind to 127.0.0.1 unless you mean it.");
        }

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

        // The team's keys go into `ask --to`, not the environment; made-up ones are printed whole to be copied.
        var madeUp = generated.Contains(SandboxOptions.TeamName);
        for (var i = 0; i < options.TeamMembers.Count; i++)
        {
            var key = options.TeamMembers[i];
            lines.Add($"# Team member {i + 1} (device {SandboxOptions.TeamDeviceId(i + 1)}): {(madeUp ? key : SandboxSecrets.LastFour(key))}");
        }

        if (options.TeamGroupKey is { } team && options.TeamMembers.Count > 0)
        {
            lines.Add($"# Team group (members 1-{options.TeamMembers.Count}): {(madeUp ? team : SandboxSecrets.LastFour(team))}");
        }

        lines.Add($"export PUSHNOTIFI_API_BASE_URL={baseUrl}");
        lines.Add($"# Inbox (answer alerts here): {baseUrl}/");
        if (options.DataFile is { } dataFile)
        {
            lines.Add($"# Keys and notifications kept in {Path.GetFullPath(dataFile)} (its pepper beside it, in .pepper)");
        }

        return lines;
    }

    // Kestrel's own parsing of the URL; a host name other than localhost may resolve anywhere.
    private static IEnumerable<string> NonLoopback(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = BindingAddress.Parse(url).Host.Trim('[', ']');
            var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
            if (!loopback)
            {
                yield return url;
            }
        }
    }
}
