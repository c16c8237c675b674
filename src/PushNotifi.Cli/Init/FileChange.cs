namespace PushNotifi.Cli.Init;

/// <summary>A file to (re)write with its complete new content.</summary>
/// <param name="Path">The file to write.</param>
/// <param name="Content">The full new content.</param>
internal sealed record FileChange(string Path, byte[] Content);
