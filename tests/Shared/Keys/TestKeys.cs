using PushNotifi.Sandbox;

namespace PushNotifi.Testing;

/// <summary>
/// The one set of fake keys every test uses; never real ones. The sandbox's user and group keys and webhook token
/// come from <see cref="SandboxOptions.WithFakeKeys"/> (one set per test run), so no test can depend on their value;
/// the others are fixed because their text matters to the test.
/// </summary>
internal static partial class TestKeys
{
    private static readonly SandboxOptions s_fake = Generate();

    /// <summary>The user key the sandbox accepts as X-API-Key.</summary>
    internal static readonly string User = s_fake.UserKey!;

    /// <summary>The group key the sandbox knows.</summary>
    internal static readonly string Group = s_fake.GroupKey!;

    /// <summary>The token the sandbox accepts on its incoming-webhook path.</summary>
    internal static readonly string WebhookToken = s_fake.WebhookToken!;

    /// <summary>A fixed user key, only for expected values computed from the key itself (hashes, analyzer input).</summary>
    internal const string FixedUser = "uFAKEuserKEYforTESTS000000000001";

    /// <summary>A fixed group key, as <see cref="FixedUser"/>.</summary>
    internal const string FixedGroup = "gFAKEgroupKEYforTESTS00000000001";

    /// <summary>Not a credential (the sandbox's default application key is public), so a fixed one keeps tests readable.</summary>
    internal const string Application = "aFAKEappKEYforTESTS0000000000001";

    /// <summary>The key of a second account, for alerts that must stay invisible across accounts.</summary>
    internal const string OtherAccount = "uFAKEotherACCOUNTforTESTS0000002";

    /// <summary>A well-formed user key the sandbox does not accept: every call with it answers 401.</summary>
    internal const string WrongUser = "uFAKEwrongKEYforTESTS00000000077";

    /// <summary>A well-formed group key the sandbox does not know: sends to it answer 404.</summary>
    internal const string UnknownGroup = "gFAKEunknownGROUPforTESTS0000009";

    /// <summary>A user key that must never appear in captured output except the X-API-Key header.</summary>
    internal const string Canary = "uFAKEcanaryKEYneverLEAKS00000042";

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

    private static SandboxOptions Generate()
    {
        var options = new SandboxOptions();
        options.WithFakeKeys();
        return options;
    }
}
