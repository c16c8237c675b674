namespace PushNotifi;

/// <summary>
/// Keeps a parameter's value out of every alert text: in a title or message it renders as a fixed redaction
/// mark, and in an idempotency key as a stable, non-reversible fingerprint (keyed HMAC-SHA256, truncated).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class RedactAttribute : Attribute
{
}
