using PushNotifi.Sandbox;

namespace PushNotifi.Testing;

/// <summary>
/// The one way tests start a sandbox: in-process (the usual case; the test reads its captures directly) or as the
/// built PushNotifi.Sandbox.dll in a child process (for what only the real program does: arguments, exit codes,
/// console output). Both accept <see cref="TestKeys"/> unless the test says otherwise.
/// </summary>
internal static class TestSandbox
{
    /// <summary>Starts an in-process sandbox on a free loopback port with <see cref="TestKeys"/>.</summary>
    /// <param name="configure">Changes to the options before it starts, e.g. another accepted key or a cap.</param>
    /// <param name="clock">The clock for capture times and injected delays; a fake one in time-dependent tests.</param>
    public static Task<SandboxServer> StartAsync(Action<SandboxOptions>? configure = null, TimeProvider? clock = null)
    {
        var options = TestKeys.Sandbox(clock: clock);
        configure?.Invoke(options);
        return SandboxServer.StartAsync(options);
    }

    /// <summary>
    /// Starts the sandbox's own Program as a child process of the test kit, with only the <c>PUSHNOTIFI_</c>
    /// variables in <paramref name="environment"/> (never the developer's real keys). The test project must
    /// reference PushNotifi.Sandbox, which puts the program beside the tests.
    /// </summary>
    public static RunningProcess StartProcess(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        TestProcess.Start(
            TestProcess.Dotnet,
            [Path.Combine(AppContext.BaseDirectory, "PushNotifi.Sandbox.dll"), .. args],
            environment: environment);

    /// <summary>The <c>PUSHNOTIFI_*</c> variables a child needs to talk to <paramref name="sandbox"/> with <see cref="TestKeys"/>.</summary>
    public static Dictionary<string, string?> Variables(SandboxServer sandbox) => new()
    {
        ["PUSHNOTIFI_API_BASE_URL"] = sandbox.BaseUrl,
        ["PUSHNOTIFI_USER_KEY"] = TestKeys.User,
        ["PUSHNOTIFI_GROUP_KEY"] = TestKeys.Group,
    };
}
