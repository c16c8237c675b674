namespace PushNotifi.Sandbox;

/// <summary>Everything the endpoints share for one sandbox instance.</summary>
internal sealed class SandboxState
{
    public SandboxState(SandboxOptions options)
    {
        Store = new SandboxStore(Events);
        Secrets = new SandboxSecrets(options);
        Clock = options.TimeProvider;
        FailedAuth = new FailedAuthLimiter(Clock);
        Keys = new ApiKeys(new InMemoryApiKeyStore(), new KeyHasher(KeyHasher.NewPepper()), Clock);

        // The configured keys are each account's first `full` key, so every existing setup keeps working.
        for (var account = 0; account < Secrets.Accounts.Count; account++)
        {
            Keys.Seed(account, Secrets.Accounts[account], account == 0 ? SandboxOptions.UserKeyVariable : "extra account key");
        }
    }

    public ApiKeys Keys { get; }

    public FailedAuthLimiter FailedAuth { get; }

    public SandboxEvents Events { get; } = new();

    public SandboxStore Store { get; }

    public SandboxFaults Faults { get; } = new();

    public SandboxSecrets Secrets { get; }

    public TimeProvider Clock { get; }

    /// <summary>Captured headers: all but <c>X-API-Key</c>, values as received (in-process tests look for leaks).</summary>
    public static Dictionary<string, string> CaptureHeaders(Microsoft.AspNetCore.Http.IHeaderDictionary headers)
    {
        var captured = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            if (!string.Equals(name, ApiHeaders.ApiKey, StringComparison.OrdinalIgnoreCase))
            {
                captured[name] = values.ToString();
            }
        }

        return captured;
    }
}
