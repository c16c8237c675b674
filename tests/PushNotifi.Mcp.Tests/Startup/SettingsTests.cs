using PushNotifi.Mcp.Startup;

namespace PushNotifi.Mcp.Tests.Startup;

/// <summary>What the server reads from the environment at start, and when it refuses to start.</summary>
public class SettingsTests
{
    [Theory]
    [InlineData(null, null, null, "PUSHNOTIFI_USER_KEY is not set")]
    [InlineData("  ", null, null, "PUSHNOTIFI_USER_KEY is not set")]
    [InlineData(TestKeys.FixedUser, "ftp://api.pushnotifi.me", null, "PUSHNOTIFI_API_BASE_URL must start with http:// or https://")]
    [InlineData(TestKeys.FixedUser, "api.pushnotifi.me", null, "PUSHNOTIFI_API_BASE_URL must start with http:// or https://")]
    [InlineData(TestKeys.FixedUser, null, "0", "PUSHNOTIFI_RATE_LIMIT_PER_MINUTE must be a positive integer")]
    [InlineData(TestKeys.FixedUser, null, "-5", "PUSHNOTIFI_RATE_LIMIT_PER_MINUTE must be a positive integer")]
    [InlineData(TestKeys.FixedUser, null, "2.5", "PUSHNOTIFI_RATE_LIMIT_PER_MINUTE must be a positive integer")]
    [InlineData(TestKeys.FixedUser, null, "lots", "PUSHNOTIFI_RATE_LIMIT_PER_MINUTE must be a positive integer")]
    public void A_missing_key_a_bad_URL_or_a_bad_rate_stops_the_start_with_one_line(string? key, string? url, string? rate, string expected)
    {
        var settings = McpSettings.Read(Environment(key, url, rate), out var problem);

        Assert.Null(settings);
        Assert.StartsWith(expected, problem);
        Assert.DoesNotContain('\n', problem!);
    }

    [Fact]
    public void Defaults_are_the_production_API_and_30_sends_a_minute()
    {
        var settings = McpSettings.Read(Environment(TestKeys.User, null, null), out _)!;

        Assert.Equal("https://api.pushnotifi.me", settings.ApiBaseUrl);
        Assert.Equal(30, settings.RateLimitPerMinute);
        Assert.Null(settings.GroupKey);
    }

    [Fact]
    public void Trailing_slashes_of_the_base_URL_are_dropped()
    {
        var settings = McpSettings.Read(Environment(TestKeys.User, "http://127.0.0.1:5080///", "12"), out _)!;

        Assert.Equal("http://127.0.0.1:5080", settings.ApiBaseUrl);
        Assert.Equal(12, settings.RateLimitPerMinute);
    }

    [Fact]
    public void The_startup_line_shows_keys_only_as_their_last_four()
    {
        var settings = McpSettings.Read(Environment(TestKeys.Canary, null, null, TestKeys.Group), out _)!;

        var line = settings.StartupLine("1.2.3");

        Assert.Contains("…0042", line);
        Assert.Contains(TestKeys.LastFour(TestKeys.Group), line);
        Assert.DoesNotContain(TestKeys.Canary, line);
        Assert.DoesNotContain(TestKeys.Group, line);
    }

    [Fact]
    public void The_client_refuses_at_once_when_the_bucket_is_empty_and_times_out_requests_after_10_seconds()
    {
        var options = McpSettings.Read(Environment(TestKeys.User, null, null), out _)!.ToClientOptions();

        Assert.Equal(30, options.RateLimitPerMinute);
        Assert.Equal(TimeSpan.Zero, options.RateLimitQueueTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
    }

    private static Func<string, string?> Environment(string? key, string? url, string? rate, string? group = null) => name => name switch
    {
        "PUSHNOTIFI_USER_KEY" => key,
        "PUSHNOTIFI_API_BASE_URL" => url,
        "PUSHNOTIFI_RATE_LIMIT_PER_MINUTE" => rate,
        "PUSHNOTIFI_GROUP_KEY" => group,
        _ => null,
    };
}
