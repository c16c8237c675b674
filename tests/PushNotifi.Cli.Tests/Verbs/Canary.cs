namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>Obviously fake secrets that the CLI holds in these tests; none may appear in anything it prints.</summary>
internal static class Canary
{
    public const string UserKey = "uCANARYcanaryCANARYcanary0000042";
    public const string GroupKey = "gCANARYcanaryCANARYcanary0000042";
    public const string WebhookToken = "wCANARYcanaryWEBHOOKtoken0000042";

    public static void AssertAbsent(CliRun run)
    {
        foreach (var secret in new[] { UserKey, GroupKey, WebhookToken, Uri.EscapeDataString(WebhookToken) })
        {
            Assert.False(run.AllText.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A canary leaked into the output:{Environment.NewLine}{run}");
        }

        Assert.DoesNotContain("CANARYcanary", run.AllText, StringComparison.OrdinalIgnoreCase);
    }
}
