using PushNotifi.Sandbox;

namespace PushNotifi.Tests;

/// <summary>A sandbox and a client on one fake clock, for tests of questions and answers.</summary>
internal sealed class AckFixture : IAsyncDisposable
{
    private AckFixture(SandboxServer sandbox, AckClock clock, PushNotifiOptions options)
    {
        Sandbox = sandbox;
        Clock = clock;
        Options = options;
        Client = Loopback.Client(options, time: clock.Time);
    }

    internal SandboxServer Sandbox { get; }

    internal AckClock Clock { get; }

    internal PushNotifiOptions Options { get; }

    internal PushNotifiClient Client { get; }

    internal static async Task<AckFixture> StartAsync(Action<PushNotifiOptions>? configure = null)
    {
        var clock = new AckClock();
        var sandbox = await TestSandbox.StartAsync();
        var options = Loopback.Options(sandbox);
        configure?.Invoke(options);
        return new AckFixture(sandbox, clock, options);
    }

    /// <summary>Asks an approve/deny question and returns its alert id.</summary>
    internal Task<string> AskAsync(PushNotifiResponseTemplate template = PushNotifiResponseTemplate.ApproveDeny, string text = "Deploy v2 to production?") =>
        Client.RequestAckAsync(new PushNotifiMessage { Title = "Deploy", Message = text, ResponseTemplate = template });

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}
