namespace PushNotifi.Sandbox.Tests;

/// <summary>The sandbox's own Program as a child process: a thin alias of the kit's <see cref="TestSandbox.StartProcess"/>.</summary>
internal static class StandaloneProcess
{
    public static RunningProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        TestSandbox.StartProcess(environment.ToDictionary(pair => pair.Key, string? (pair) => pair.Value), args);
}
