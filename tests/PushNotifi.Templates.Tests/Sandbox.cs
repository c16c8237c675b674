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
}
