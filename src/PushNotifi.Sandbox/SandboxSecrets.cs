namespace PushNotifi.Sandbox;

/// <summary>
/// The keys the sandbox was configured with, for constant-time checks and for hiding them in
/// anything it shows or logs (as <c>…</c> plus the last 4 characters).
/// </summary>
internal sealed class SandboxSecrets
{
    private readonly string[] _values;

    public SandboxSecrets(SandboxOptions options)
    {
        UserKey = options.UserKey ?? string.Empty;
        GroupKey = options.GroupKey;
        ApplicationKey = options.ApplicationKey;
        WebhookToken = options.WebhookToken;
        ExtraUserKeys = [.. options.ExtraUserKeys.Where(k => !string.IsNullOrWhiteSpace(k))];
        _values = [.. new[] { options.UserKey, options.GroupKey, options.ApplicationKey, options.WebhookToken }
            .Concat(ExtraUserKeys)
            .Where(v => !string.IsNullOrEmpty(v))
            .Select(v => v!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)];
    }

    public string UserKey { get; }

    public string? GroupKey { get; }

    public string? ApplicationKey { get; }

    public string? WebhookToken { get; }

    /// <summary>Accepted API keys of further accounts (<see cref="SandboxOptions.ExtraUserKeys"/>).</summary>
    public IReadOnlyList<string> ExtraUserKeys { get; }

    /// <summary>Each account's user key: the main one first, then <see cref="ExtraUserKeys"/>. Also their first API keys.</summary>
    public IReadOnlyList<string> Accounts => [UserKey, .. ExtraUserKeys];

    /// <summary>The user key of account number <paramref name="account"/> (an <see cref="ApiKeyRecord.Account"/>).</summary>
    public string AccountKey(int account) => account == 0 ? UserKey : ExtraUserKeys[account - 1];

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
            System.Text.Encoding.UTF8.GetBytes(expected),
            System.Text.Encoding.UTF8.GetBytes(actual));
    }

    /// <summary>Replaces every configured key in <paramref name="text"/> with its last-4 form.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in _values)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, LastFour(secret), StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Shows a key only as its last-4 form; null stays null.</summary>
    public static string? Mask(string? key) => key is null ? null : LastFour(key);
}
