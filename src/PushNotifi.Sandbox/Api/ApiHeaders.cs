namespace PushNotifi.Sandbox.Api;

/// <summary>Header names of the wire contract.</summary>
internal static class ApiHeaders
{
    public const string ApiKey = "X-API-Key";
}
