namespace PushNotifi.Sandbox.Api;

/// <summary>The <c>error</c> codes the sandbox answers that clients act on.</summary>
internal static class ApiErrorCodes
{
    public const string Unauthorized = "unauthorized";

    /// <summary>A valid key outside its scope (403); the body's <c>required_scope</c> names the scope needed.</summary>
    public const string InsufficientScope = "insufficient_scope";

    /// <summary>The failed-auth lockout (429, <c>Retry-After: 60</c>); spelled as the hosted services spell it.</summary>
    public const string RateLimited = "RATE_LIMITED";
}
