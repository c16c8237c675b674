namespace PushNotifi.Sandbox.Tests;

/// <summary>Runs the sandbox's own Program (the built PushNotifi.Sandbox.dll) as a child process of the test kit.</summary>
internal static class StandaloneProcess
{
    /// <summary>Starts it with only the <c>PUSHNOTIFI_</c> variables in <paramref name="environment"/>, never the developer's real keys.</summary>
    public static RunningProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        TestProcess.Start(
            TestProcess.Dotnet,
            [Path.Combine(AppContext.BaseDirectory, "PushNotifi.Sandbox.dll"), .. args],
            environment: environment.ToDictionary(pair => pair.Key, string? (pair) => pair.Value));
}
