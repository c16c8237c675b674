namespace PushNotifi.Redaction;

/// <summary>A stretch <c>[Start, End)</c> of the input to replace; <see cref="Replacement"/> is set for configured secrets.</summary>
internal readonly record struct SecretSpan(int Start, int End, string? Replacement);
