namespace PushNotifi.Sandbox;

/// <summary>The kinds of injected fault.</summary>
public enum SandboxFaultKind
{
    /// <summary>Answer with an error status (500 unless told otherwise).</summary>
    Error,

    /// <summary>Answer 429 with a <c>Retry-After</c> header.</summary>
    RateLimit,

    /// <summary>Wait, then handle the request normally.</summary>
    Delay,

    /// <summary>Handle the request (so it is recorded and delivered), then abort the connection instead of answering.</summary>
    Drop,
}

/// <summary>One pending fault and how many more requests it applies to.</summary>
/// <param name="Kind">What happens to the request.</param>
/// <param name="Remaining">How many more requests it applies to.</param>
/// <param name="StatusCode">Status for <see cref="SandboxFaultKind.Error"/> (429 for rate limits).</param>
/// <param name="RetryAfter">The <c>Retry-After</c> for <see cref="SandboxFaultKind.RateLimit"/>.</param>
/// <param name="Delay">How long <see cref="SandboxFaultKind.Delay"/> waits.</param>
public sealed record SandboxFault(SandboxFaultKind Kind, int Remaining, int StatusCode, TimeSpan RetryAfter, TimeSpan Delay)
{
    /// <summary>The wire name: <c>error</c>, <c>rate_limit</c>, <c>delay</c> or <c>drop</c>.</summary>
    public string KindName => ToWireName(Kind);

    /// <summary>Maps a kind to its wire name.</summary>
    public static string ToWireName(SandboxFaultKind kind) => kind switch
    {
        SandboxFaultKind.Error => "error",
        SandboxFaultKind.RateLimit => "rate_limit",
        SandboxFaultKind.Delay => "delay",
        SandboxFaultKind.Drop => "drop",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Maps a wire name to a kind; false when unknown.</summary>
    public static bool TryParseKind(string? name, out SandboxFaultKind kind)
    {
        switch (name)
        {
            case "error": kind = SandboxFaultKind.Error; return true;
            case "rate_limit": kind = SandboxFaultKind.RateLimit; return true;
            case "delay": kind = SandboxFaultKind.Delay; return true;
            case "drop": kind = SandboxFaultKind.Drop; return true;
            default: kind = default; return false;
        }
    }
}
