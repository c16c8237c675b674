namespace PushNotifi.Demo;

/// <summary>The outcome of a finished child process.</summary>
internal sealed record ChildResult(string Command, int ExitCode, string Output);
