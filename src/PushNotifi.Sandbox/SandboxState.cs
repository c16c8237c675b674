namespace PushNotifi.Sandbox;

/// <summary>Everything the endpoints share for one sandbox instance.</summary>
internal sealed class SandboxState
{
    public SandboxState(SandboxOptions options)
    {
        Store = new SandboxStore(Events);
        Secrets = new SandboxSecrets(options);
        Clock = options.TimeProvider;
    }

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
