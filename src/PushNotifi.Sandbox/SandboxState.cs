namespace PushNotifi.Sandbox;

/// <summary>Everything the endpoints share for one sandbox instance.</summary>
internal sealed class SandboxState(SandboxOptions options)
{
    public SandboxStore Store { get; } = new();

    public SandboxFaults Faults { get; } = new();

    public SandboxSecrets Secrets { get; } = new(options);

    public TimeProvider Clock { get; } = options.TimeProvider;

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
