using PushNotifi.Sandbox.Keys;
using PushNotifi.Sandbox.Store;

namespace PushNotifi.Sandbox;

/// <summary>
/// What the sandbox accepts: the keys it knows and where it listens.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>Environment variable holding the accepted <c>X-API-Key</c>, also a known user <c>send_to_key</c>.</summary>
    public const string UserKeyVariable = "PUSHNOTIFI_USER_KEY";

    /// <summary>Environment variable holding the known group key.</summary>
    public const string GroupKeyVariable = "PUSHNOTIFI_GROUP_KEY";

    /// <summary>Environment variable holding a known application key (besides the built-in default one).</summary>
    public const string ApplicationKeyVariable = "PUSHNOTIFI_APPLICATION_KEY";

    /// <summary>The name <see cref="WithFakeKeys"/> returns when it made up the team's keys (not an environment variable).</summary>
    public const string TeamName = "team";

    /// <summary>Environment variable holding the inbound webhook token.</summary>
    public const string WebhookTokenVariable = "PUSHNOTIFI_WEBHOOK_TOKEN";

    /// <summary>The accepted <c>X-API-Key</c>; also the one known user <c>send_to_key</c>. Required.</summary>
    public string? UserKey { get; set; }

    /// <summary>The one known group <c>send_to_key</c>; when unset, every group send answers 404.</summary>
    public string? GroupKey { get; set; }

    /// <summary>A known application key besides <see cref="DefaultApplicationKey"/>.</summary>
    public string? ApplicationKey { get; set; }

    /// <summary>The token accepted on <c>/api/v1/webhooks/incoming/{token}</c>; when unset, every webhook answers 401.</summary>
    public string? WebhookToken { get; set; }

    /// <summary>
    /// More accepted <c>X-API-Key</c> values, each its own account: it knows only itself as a user
    /// <c>send_to_key</c>, has no group, and cannot see the other accounts' alerts or messages.
    /// </summary>
    public IList<string> ExtraUserKeys { get; } = [];

    /// <summary>
    /// How many team members <see cref="WithFakeKeys"/> makes up (0, the default, for none; at most
    /// <see cref="MaxTeamSize"/>): each gets a fake user key in <see cref="TeamMembers"/>, and all of them form the
    /// group <see cref="TeamGroupKey"/>. The main account can send to them; the inbox can tap as any of them.
    /// </summary>
    public int TeamSize { get; set; }

    /// <summary>The most team members.</summary>
    public const int MaxTeamSize = 9;

    /// <summary>
    /// The team members' user keys (member 1 first), known as user <c>send_to_key</c> values of the main account. Each
    /// answers from its own device, <c>member-1</c>, <c>member-2</c>, … (<see cref="TeamDeviceId"/>).
    /// </summary>
    public IList<string> TeamMembers { get; } = [];

    /// <summary>The group whose members are all of <see cref="TeamMembers"/>; a group <c>send_to_key</c> of the main account.</summary>
    public string? TeamGroupKey { get; set; }

    /// <summary>The device a team member (from 1) answers from.</summary>
    public static string TeamDeviceId(int member) => "member-" + member.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where to listen, separated by <c>;</c>. Port 0 picks a free port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// The <c>Host</c> names the sandbox answers besides <see cref="LoopbackHosts"/> (any port), e.g. the machine's
    /// name when it listens on all interfaces; <c>*.example.test</c> allows subdomains. Any other <c>Host</c> gets 400
    /// on every path, so a DNS-rebinding page cannot reach the inbox or the API.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>The <c>Host</c> names always answered: this machine's loopback names.</summary>
    public static IReadOnlyList<string> LoopbackHosts { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// A SQLite file that keeps the account API keys and the delivered notifications (with their alerts and acks)
    /// across restarts; null (the default) keeps everything in memory. The file holds no key and no key prefix: keys
    /// only as HMACs, captures with every key shown as <c>…</c> plus its last 4 characters. The HMAC pepper lives
    /// beside it in <c>&lt;file&gt;.pepper</c> (owner-only), never inside it. With a data file,
    /// <see cref="WithFakeKeys"/> makes up the same keys on every start.
    /// </summary>
    public string? DataFile { get; set; }

    /// <summary>
    /// How many <c>/api/v1</c> requests the traffic log (<c>/sandbox/requests</c>, <see cref="SandboxServer.Requests"/>)
    /// keeps; the oldest is dropped first. Default <see cref="SandboxLimits.DefaultMaxRequests"/>.
    /// </summary>
    public int MaxRequests { get; set; } = SandboxLimits.DefaultMaxRequests;

    /// <summary>
    /// How many delivered notifications are kept (in memory or in the <see cref="DataFile"/>); the oldest is dropped
    /// first, with its idempotency key and its alert. Default <see cref="SandboxLimits.DefaultMaxNotifications"/>.
    /// </summary>
    public int MaxNotifications { get; set; } = SandboxLimits.DefaultMaxNotifications;

    /// <summary>Clock for capture times and injected delays; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Write the sandbox's own (key-free) log lines to the console. Off for in-process hosting.</summary>
    public bool LogToConsole { get; set; }

    /// <summary>The key of the application every account has; not a secret.</summary>
    public static string DefaultApplicationKey => "aSANDBOXdefaultAPPLICATIONkey000";

    /// <summary>Reads the accepted keys from the <c>PUSHNOTIFI_*</c> environment variables.</summary>
    public static SandboxOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the accepted keys through <paramref name="getVariable"/> (e.g. a .env file over the environment).</summary>
    public static SandboxOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return new SandboxOptions
        {
            UserKey = Blank(getVariable(UserKeyVariable)),
            GroupKey = Blank(getVariable(GroupKeyVariable)),
            ApplicationKey = Blank(getVariable(ApplicationKeyVariable)),
            WebhookToken = Blank(getVariable(WebhookTokenVariable)),
        };
    }

    /// <summary>
    /// Zero configuration, as smtp4dev: fills each unset <see cref="UserKey"/>, <see cref="GroupKey"/> and
    /// <see cref="WebhookToken"/> with an obviously fake random value (<c>uSANDBOX…</c>, <c>gSANDBOX…</c>,
    /// <c>whSANDBOX…</c>, 32 ASCII letters and digits). Values already set are kept. With a <see cref="DataFile"/> the
    /// values come from its pepper, so a restart on the same file makes up the same keys and the ones you pasted keep
    /// working; the file (and its pepper) is created if missing.
    /// </summary>
    /// <returns>The variable names (e.g. <see cref="UserKeyVariable"/>) whose values were generated, in that order.</returns>
    /// <exception cref="InvalidOperationException">The <see cref="DataFile"/> or its pepper cannot be used; the message names the file and the fix.</exception>
    public IReadOnlyList<string> WithFakeKeys()
    {
        var generated = new List<string>();
        var teamMissing = TeamMembers.Count < TeamSize || (TeamSize > 0 && string.IsNullOrWhiteSpace(TeamGroupKey));
        if (!string.IsNullOrWhiteSpace(UserKey) && !string.IsNullOrWhiteSpace(GroupKey) && !string.IsNullOrWhiteSpace(WebhookToken) && !teamMissing)
        {
            return generated;
        }

        Func<string, string> fakeKey = KeyHasher.RandomKey;
        if (!string.IsNullOrWhiteSpace(DataFile))
        {
            using var database = SqliteDatabase.Open(DataFile);
            var hasher = new KeyHasher(PepperFile.LoadOrCreate(database));
            fakeKey = prefix => hasher.FakeKey(prefix, SandboxLimits.SendToKeyLength);
        }

        if (string.IsNullOrWhiteSpace(UserKey))
        {
            UserKey = fakeKey("uSANDBOX");
            generated.Add(UserKeyVariable);
        }

        if (string.IsNullOrWhiteSpace(GroupKey))
        {
            GroupKey = fakeKey("gSANDBOX");
            generated.Add(GroupKeyVariable);
        }

        if (string.IsNullOrWhiteSpace(WebhookToken))
        {
            WebhookToken = fakeKey("whSANDBOX");
            generated.Add(WebhookTokenVariable);
        }

        if (teamMissing)
        {
            while (TeamMembers.Count < Math.Min(TeamSize, MaxTeamSize))
            {
                TeamMembers.Add(fakeKey("uSANDBOXm" + (TeamMembers.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (string.IsNullOrWhiteSpace(TeamGroupKey))
            {
                TeamGroupKey = fakeKey("gSANDBOXteam");
            }

            generated.Add(TeamName);
        }

        return generated;
    }

    /// <summary>Throws when the sandbox could not accept anything, naming the variable to set.</summary>
    /// <exception cref="InvalidOperationException">The user key is missing.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(UserKey))
        {
            throw new InvalidOperationException(
                $"The sandbox needs an accepted API key: set {UserKeyVariable} (e.g. a fake 32-character key starting with 'u') or call {nameof(WithFakeKeys)}().");
        }

        if (string.IsNullOrWhiteSpace(Urls))
        {
            throw new InvalidOperationException("The sandbox needs at least one URL to listen on (SandboxOptions.Urls).");
        }

        if (AllowedHosts.FirstOrDefault(h => string.IsNullOrWhiteSpace(h) || h == "*" || h.Contains('/', StringComparison.Ordinal) || h.Contains(' ', StringComparison.Ordinal)) is { } host)
        {
            throw new InvalidOperationException(
                $"The allowed host '{host}' (SandboxOptions.AllowedHosts, --allowed-hosts) is not a host name: give names such as my-laptop.lan or 192.168.1.20, without scheme or path; '*' would let any site's page reach the sandbox.");
        }

        if (TeamSize is < 0 or > MaxTeamSize)
        {
            throw new InvalidOperationException($"SandboxOptions.TeamSize (--team) is {TeamSize}: give 0 to {MaxTeamSize} members.");
        }

        if (MaxRequests < 1)
        {
            throw new InvalidOperationException($"SandboxOptions.MaxRequests (--max-requests) is {MaxRequests}: give at least 1 (the default is {SandboxLimits.DefaultMaxRequests}).");
        }

        if (MaxNotifications < 1)
        {
            throw new InvalidOperationException($"SandboxOptions.MaxNotifications (--max-notifications) is {MaxNotifications}: give at least 1 (the default is {SandboxLimits.DefaultMaxNotifications}).");
        }

        if (DataFile is not null && string.IsNullOrWhiteSpace(DataFile))
        {
            throw new InvalidOperationException("The sandbox data file (SandboxOptions.DataFile, --data) is blank: give a file path, or leave it unset to keep everything in memory.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
