using PushNotifi.Sandbox;

namespace PushNotifi.Redis.Tests;

/// <summary>Obviously fake keys, and the sandbox that accepts them.</summary>
internal static class TestKeys
{
    internal const string User = "uFAKEuserKEYforREDISTESTS0000001";
    internal const string Group = "gFAKEgroupKEYforREDISTESTS000001";

    internal static Task<SandboxServer> StartSandboxAsync() =>
        SandboxServer.StartAsync(new SandboxOptions { UserKey = User, GroupKey = Group });

    internal static void Configure(PushNotifiOptions options, SandboxServer sandbox)
    {
        options.UserKey = User;
        options.GroupKey = Group;
        options.ApiBaseUrl = sandbox.BaseUrl;
        options.RetryBaseDelay = TimeSpan.Zero;
    }
}
