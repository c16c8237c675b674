namespace PushNotifi.Tests;

/// <summary>Obviously fake keys for fixtures; never real ones.</summary>
internal static class TestKeys
{
    internal const string User = "uFAKEuserKEYforTESTS000000000001";
    internal const string Group = "gFAKEgroupKEYforTESTS00000000001";
    internal const string Application = "aFAKEappKEYforTESTS0000000000001";
    internal const string WebhookToken = "FAKEwebhookTOKENforTESTS0001";

    /// <summary>The key of a second account, for alerts that must stay invisible across accounts.</summary>
    internal const string OtherAccount = "uFAKEotherACCOUNTforTESTS0000002";

    /// <summary>A user key that must never appear in captured output except the X-API-Key header.</summary>
    internal const string Canary = "uCANARYuserKEYneverLEAKS00000042";

    internal static PushNotifiOptions Options(string baseUrl = "http://127.0.0.1:9", string userKey = User) => new()
    {
        UserKey = userKey,
        GroupKey = Group,
        ApiBaseUrl = baseUrl,
    };
}
