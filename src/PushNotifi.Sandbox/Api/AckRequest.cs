namespace PushNotifi.Sandbox.Api;

/// <summary>An ack body whose shape passed validation; <see cref="AckRules"/> checks the answer itself.</summary>
internal sealed record AckRequest(string DeviceId, string? Response, string? Comment);
