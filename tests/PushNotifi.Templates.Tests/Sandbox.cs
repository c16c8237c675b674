using PushNotifi.Sandbox;

namespace PushNotifi.Templates.Tests;

/// <summary>Starts an in-process sandbox on a free loopback port that accepts the fake keys.</summary>
internal static class Sandbox
{
    public static Task<SandboxServer> StartAsync() => SandboxServer.StartAsync(new SandboxOptions
    {
        UserKey = TemplateEnvironment.UserKey,
        GroupKey = TemplateEnvironment.GroupKey,
        WebhookToken = TemplateEnvironment.WebhookToken,
    });

    /// <summary>
    /// Generated user and group keys; the webhook token stays the recognisable canary
    /// (<see cref="TemplateEnvironment.WebhookToken"/>) that the leak checks look for.
    /// </summary>
    public static SandboxOptions FakeKeys()
    {
        var options = new SandboxOptions { WebhookToken = TemplateEnvironment.WebhookToken };
        options.WithFakeKeys();
        return options;
    }
}
