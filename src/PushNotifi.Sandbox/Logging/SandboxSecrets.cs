using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using PushNotifi.Redaction;
using PushNotifi.Sandbox.Keys;

namespace PushNotifi.Sandbox.Logging;

/// <summary>
/// The keys the sandbox knows, for constant-time checks and for hiding them in anything it shows, logs or stores
/// (as <c>…</c> plus the last 4 characters): the configured keys, every API key it issued (active or revoked), and
/// anything shaped like one of its keys.
/// </summary>
internal sealed partial class SandboxSecrets
{
    private readonly string[] _configured;
    private readonly bool _persistent;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    // Rebuilt (rarely: when a key is issued) so every text is searched once, however many keys there are.
    private volatile Finder _all;
    private volatile Finder _issuedOnly;

    public SandboxSecrets(SandboxOptions options)
    {
        UserKey = options.UserKey ?? string.Empty;
        GroupKey = options.GroupKey;
        ApplicationKey = options.ApplicationKey;
        WebhookToken = options.WebhookToken;
        ExtraUserKeys = [.. options.ExtraUserKeys.Where(k => !string.IsNullOrWhiteSpace(k))];
        TeamMembers = [.. options.TeamMembers.Where(k => !string.IsNullOrWhiteSpace(k))];
        TeamGroupKey = string.IsNullOrWhiteSpace(options.TeamGroupKey) ? null : options.TeamGroupKey;
        _persistent = !string.IsNullOrWhiteSpace(options.DataFile);
        _configured = [.. new[] { options.UserKey, options.GroupKey, options.ApplicationKey, options.WebhookToken }
            .Concat(ExtraUserKeys)
            .Concat(TeamMembers)
            .Append(TeamGroupKey)
            .Where(v => !string.IsNullOrEmpty(v))
            .Select(v => v!)
            .Distinct(StringComparer.Ordinal)];
        _all = new Finder(_configured);
        _issuedOnly = new Finder([]);
    }

    public string UserKey { get; }

    public string? GroupKey { get; }

    public string? ApplicationKey { get; }

    public string? WebhookToken { get; }

    /// <summary>Accepted API keys of further accounts (<see cref="SandboxOptions.ExtraUserKeys"/>).</summary>
    public IReadOnlyList<string> ExtraUserKeys { get; }

    /// <summary>The team members' user keys (member 1 first), recipients of the main account.</summary>
    public IReadOnlyList<string> TeamMembers { get; }

    /// <summary>The group of all team members, a recipient of the main account.</summary>
    public string? TeamGroupKey { get; }

    /// <summary>Whether <paramref name="account"/> can send to the <paramref name="type"/> key <paramref name="sendToKey"/>: its own user and group, and for the main account the team.</summary>
    public bool IsRecipient(string account, string type, string? sendToKey)
    {
        var main = string.Equals(account, UserKey, StringComparison.Ordinal);
        if (type == "user")
        {
            return Matches(account, sendToKey) || (main && TeamMembers.Any(m => Matches(m, sendToKey)));
        }

        return Matches(GroupKeyOf(account), sendToKey) || (main && Matches(TeamGroupKey, sendToKey));
    }

    /// <summary>Whether team member <paramref name="member"/> (from 1) was asked a notification sent to <paramref name="type"/> <paramref name="sendToKey"/>: their own key, or the team group.</summary>
    public bool IsAskedOf(int member, string type, string? sendToKey) =>
        member >= 1 && member <= TeamMembers.Count
        && (type == "user" ? Matches(TeamMembers[member - 1], sendToKey) : Matches(TeamGroupKey, sendToKey));

    /// <summary>Each account's user key: the main one first, then <see cref="ExtraUserKeys"/>. Also their first API keys.</summary>
    public IReadOnlyList<string> Accounts => [UserKey, .. ExtraUserKeys];

    /// <summary>The user key of account number <paramref name="account"/> (an <see cref="ApiKeyRecord.Account"/>); null when not configured.</summary>
    public string? AccountKey(int account) => account == 0 ? UserKey : account > 0 && account <= ExtraUserKeys.Count ? ExtraUserKeys[account - 1] : null;

    /// <summary>The group an account can send to: only the main account has one.</summary>
    public string? GroupKeyOf(string account) => string.Equals(account, UserKey, StringComparison.Ordinal) ? GroupKey : null;

    /// <summary>"…" plus the last 4 characters; never more of a key.</summary>
    public static string LastFour(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : "…" + (value.Length <= 4 ? value : value[^4..]);

    /// <summary>Constant-time comparison so probing a key cannot time its prefix.</summary>
    public static bool Matches(string? expected, string? actual)
    {
        if (string.IsNullOrEmpty(expected) || actual is null)
        {
            return false;
        }

        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(expected),
            Encoding.UTF8.GetBytes(actual));
    }

    /// <summary>Remembers a key the sandbox just issued (create or rotate), so it is hidden from now on wherever it shows.</summary>
    public void Issued(string key)
    {
        lock (_gate)
        {
            if (_issued.Add(key))
            {
                _issuedOnly = new Finder([.. _issued]);
                _all = new Finder([.. _configured, .. _issued]);
            }
        }
    }

    /// <summary>
    /// Remembers a presented key that matched a stored key, unless it is a configured one: after a restart on a data
    /// file the issued keys are known only as HMACs, and one written after a <c>/</c> or <c>+</c> escapes the shape rule.
    /// </summary>
    public void MatchedKey(string key)
    {
        if (Array.IndexOf(_configured, key) < 0)
        {
            Issued(key);
        }
    }

    /// <summary>
    /// Hides every configured key, every issued key, anything shaped like a key (see <see cref="KeyShape"/>) and every
    /// secret the runtime's redactor knows (provider tokens, passwords, <c>Authorization</c> values, private keys) in
    /// <paramref name="text"/>: for what the inspection API, the event stream, the logs and the data file show.
    /// </summary>
    public string Redact(string? text) => SecretRedactor.WithoutKeyShapes.Redact(HideShapes(_all.Replace(text), except: null));

    /// <summary>
    /// Hides the configured and issued keys but applies no shape rule, so an attachment's base64 is never changed
    /// unless a known key was pasted into it verbatim.
    /// </summary>
    public string RedactKnown(string? text) => _all.Replace(text);

    /// <summary>Hides the keys this sandbox issued, written out whole, and nothing else: for an attachment's base64.</summary>
    public string HideIssuedVerbatim(string? text) => _issuedOnly.Replace(text);

    /// <summary>
    /// For the in-process API (<see cref="SandboxServer.Requests"/> and <see cref="SandboxServer.Notifications"/>), which
    /// shows configured keys as received: hides the keys this sandbox issued. With a data file, keys issued before a
    /// restart are not known any more, so anything shaped like a key that is not a configured key is hidden too.
    /// </summary>
    public string HideIssued(string? text)
    {
        var hidden = _issuedOnly.Replace(text);
        return _persistent ? HideShapes(hidden, except: _configured) : hidden;
    }

    /// <summary>Shows a key only as its last-4 form; null stays null.</summary>
    public static string? Mask(string? key) => key is null ? null : LastFour(key);

    /// <summary>
    /// The shape of every key the sandbox makes (<see cref="KeyHasher.RandomKey"/>, <see cref="KeyHasher.FakeKey"/>): exactly
    /// <see cref="SandboxLimits.SendToKeyLength"/> ASCII letters and digits, not all of them hex digits (so MD5 sums and
    /// dashless GUIDs stay), with neither a letter, a digit, <c>+</c> nor <c>/</c> on either side (so longer tokens,
    /// git SHAs and base64 runs stay whole).
    /// </summary>
    [GeneratedRegex("(?<![A-Za-z0-9+/])(?=[A-Za-z0-9]{0,31}[G-Zg-z])[A-Za-z0-9]{32}(?![A-Za-z0-9+/])", RegexOptions.CultureInvariant)]
    public static partial Regex KeyShape();

    private static string HideShapes(string text, string[]? except)
    {
        if (text.Length < SandboxLimits.SendToKeyLength)
        {
            return text;
        }

        return KeyShape().Replace(text, match =>
            match.Value == SandboxOptions.DefaultApplicationKey || (except is not null && except.Contains(match.Value, StringComparer.Ordinal))
                ? match.Value
                : LastFour(match.Value));
    }

    /// <summary>One search for any of a set of keys (a vectorized multi-string search), then the replacement.</summary>
    private sealed class Finder
    {
        private readonly string[] _keys;
        private readonly SearchValues<string>? _search;

        public Finder(string[] keys)
        {
            // Longest first, so a key that contains another is replaced whole.
            _keys = [.. keys.OrderByDescending(k => k.Length)];
            _search = _keys.Length == 0 ? null : SearchValues.Create(_keys, StringComparison.Ordinal);
        }

        public string Replace(string? text)
        {
            if (string.IsNullOrEmpty(text) || _search is null)
            {
                return text ?? string.Empty;
            }

            var span = text.AsSpan();
            var at = span.IndexOfAny(_search);
            if (at < 0)
            {
                return text;
            }

            var result = new StringBuilder(text.Length);
            while (at >= 0)
            {
                result.Append(span[..at]);
                var key = KeyAt(span[at..]);
                result.Append(LastFour(key));
                span = span[(at + key.Length)..];
                at = span.IndexOfAny(_search);
            }

            return result.Append(span).ToString();
        }

        private string KeyAt(ReadOnlySpan<char> text)
        {
            foreach (var key in _keys)
            {
                if (text.StartsWith(key, StringComparison.Ordinal))
                {
                    return key;
                }
            }

            throw new InvalidOperationException("The search found a key that none of the keys starts.");
        }
    }
}
