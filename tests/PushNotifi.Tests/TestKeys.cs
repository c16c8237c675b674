using PushNotifi.Sandbox;

namespace PushNotifi.Tests;

/// <summary>
/// Fake keys for fixtures; never real ones. The sandbox's keys come from <see cref="SandboxOptions.WithFakeKeys"/>
/// (one set per test run), so every test project fakes them the same way.
/// </summary>
internal static class TestKeys
{
    private static readonly SandboxOptions s_fake = Generate();

    internal static readonly string User = s_fake.UserKey!;
    internal static readonly string Group = s_fake.GroupKey!;
    internal static readonly string WebhookToken = s_fake.WebhookToken!;

    /// <summary>Not a credential (the sandbox's default application key is public), so a fixed one keeps tests readable.</summary>
    internal const string Application = "aFAKEappKEYforTESTS0000000000001";

    /// <summary>The key of a second account, for alerts that must stay invisible across accounts.</summary>
    internal const string OtherAccount = "uFAKEotherACCOUNTforTESTS0000002";

    /// <summary>A user key that must never appear in captured output except the X-API-Key header.</summary>
    internal const string Canary = "uCANARYuserKEYneverLEAKS00000042";

    /// <summary>"…" plus the last 4 characters, as the sandbox and the redactor show a key.</summary>
    internal static string LastFour(string key) => "…" + key[^4..];

    /// <summary>Sandbox options with these keys (and <paramref name="userKey"/> as the accepted API key).</summary>
    internal static SandboxOptions Sandbox(string? userKey = null, TimeProvider? clock = null)
    {
        var options = new SandboxOptions
        {
            UserKey = userKey ?? User,
            GroupKey = Group,
            ApplicationKey = Application,
            WebhookToken = WebhookToken,
            TimeProvider = clock ?? TimeProvider.System,
        };
        options.WithFakeKeys();
        return options;
    }

    internal static PushNotifiOptions Options(string baseUrl = "http://127.0.0.1:9", string? userKey = null) => new()
    {
        UserKey = userKey ?? User,
        GroupKey = Group,
        ApiBaseUrl = baseUrl,
    };

    private static SandboxOptions Generate()
    {
        var options = new SandboxOptions();
        options.WithFakeKeys();
        return options;
    }
}
