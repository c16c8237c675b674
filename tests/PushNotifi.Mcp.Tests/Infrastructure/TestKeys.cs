namespace PushNotifi.Mcp.Tests;

/// <summary>Obviously fake keys; never real ones.</summary>
internal static class TestKeys
{
    internal const string User = "uFAKEuserKEYforTESTS000000000001";
    internal const string Group = "gFAKEgroupKEYforTESTS00000000001";

    /// <summary>A user key that must never appear in stderr or in a tool result, only in the X-API-Key header.</summary>
    internal const string Canary = "uCANARYmcpKEYneverLEAKS000000042";

    /// <summary>A group the sandbox does not know: sends to it answer 404.</summary>
    internal const string UnknownGroup = "gUNKNOWNgroupKEYforTESTS00000009";
}
