namespace PushNotifi.Demo;

/// <summary>A journey step failed; the message holds the command's output.</summary>
internal sealed class JourneyException(string message) : Exception(message);
