using PushNotifi.Sandbox;

namespace PushNotifi.Templates.Tests;

/// <summary>The kit's in-process sandbox, with the webhook token the leak checks look for.</summary>
internal static class Sandbox
{
    /// <summary>Starts it with <see cref="TestKeys"/>, except the webhook token: the canary <see cref="TemplateEnvironment.WebhookToken"/>.</summary>
    public static Task<SandboxServer> StartAsync() => TestSandbox.StartAsync(o => o.WebhookToken = TemplateEnvironment.WebhookToken);
}
