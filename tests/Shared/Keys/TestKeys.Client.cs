namespace PushNotifi.Testing;

/// <summary>The runtime client's side of <see cref="TestKeys"/>, for the test projects that reference it.</summary>
internal static partial class TestKeys
{
    /// <summary>Client options with these keys, pointed at <paramref name="baseUrl"/> (by default a port that refuses).</summary>
    internal static PushNotifiOptions Options(string baseUrl = "http://127.0.0.1:9", string? userKey = null) => new()
    {
        UserKey = userKey ?? User,
        GroupKey = Group,
        ApiBaseUrl = baseUrl,
    };
}
