namespace PushNotifi.Sandbox;

/// <summary>
/// What an account API key may do. <c>send</c>: <c>POST /api/v1/message</c> only. <c>full</c>: everything,
/// the alert status, acks, lists and key management included.
/// </summary>
public static class ApiKeyScopes
{
    /// <summary>Sending messages only.</summary>
    public const string Send = "send";

    /// <summary>Every endpoint, key management included.</summary>
    public const string Full = "full";

    /// <summary>Whether <paramref name="scope"/> is one of the known scopes.</summary>
    public static bool IsKnown(string? scope) => scope is Send or Full;

    /// <summary>Whether a key of <paramref name="scope"/> may call an endpoint that needs <paramref name="required"/>.</summary>
    public static bool Allows(string scope, string required) => scope == Full || scope == required;
}
