namespace PushNotifi.Benchmarks;

/// <summary>
/// Obviously fake keys for the benchmarks, built at run time so no key-shaped literal sits in source
/// (the generator's key-literal analyzer would rightly flag one).
/// </summary>
internal static class BenchKeys
{
    /// <summary>A fake 32-character user key.</summary>
    public static string User { get; } = Fake('u', "FAKEuserKEYforBENCH");

    /// <summary>A fake 32-character group key.</summary>
    public static string Group { get; } = Fake('g', "FAKEgroupKEYforBENCH");

    /// <summary>A fake application key.</summary>
    public static string Application { get; } = Fake('a', "FAKEappKEYforBENCH");

    /// <summary>A fake webhook token.</summary>
    public static string WebhookToken { get; } = Fake('w', "FAKEhookTOKENforBENCH");

    /// <summary>Options naming the fake keys, pointed at <paramref name="baseUrl"/>.</summary>
    public static PushNotifiOptions Options(string baseUrl = "http://127.0.0.1:9") => new()
    {
        UserKey = User,
        GroupKey = Group,
        ApplicationKey = Application,
        WebhookToken = WebhookToken,
        ApiBaseUrl = baseUrl,
    };

    private static string Fake(char prefix, string body) => prefix + body + new string('0', 31 - body.Length);
}
