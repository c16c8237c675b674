namespace PushNotifi.Tests;

public class OptionsTests
{
    private static Func<string, string?> Env(params (string Name, string? Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }

    [Fact]
    public void FromEnvironment_reads_the_six_documented_variables()
    {
        var options = PushNotifiOptions.FromEnvironment(Env(
            ("PUSHNOTIFI_USER_KEY", TestKeys.User),
            ("PUSHNOTIFI_GROUP_KEY", TestKeys.Group),
            ("PUSHNOTIFI_APPLICATION_KEY", TestKeys.Application),
            ("PUSHNOTIFI_WEBHOOK_TOKEN", TestKeys.WebhookToken),
            ("PUSHNOTIFI_API_BASE_URL", "http://127.0.0.1:5080"),
            ("PUSHNOTIFI_RATE_LIMIT_PER_MINUTE", "30")));

        Assert.Equal(TestKeys.User, options.UserKey);
        Assert.Equal(TestKeys.Group, options.GroupKey);
        Assert.Equal(TestKeys.Application, options.ApplicationKey);
        Assert.Equal(TestKeys.WebhookToken, options.WebhookToken);
        Assert.Equal("http://127.0.0.1:5080", options.ApiBaseUrl);
        Assert.Equal(30, options.RateLimitPerMinute);
    }

    [Fact]
    public void FromEnvironment_defaults_the_base_url_and_leaves_optional_values_unset()
    {
        var options = PushNotifiOptions.FromEnvironment(Env(("PUSHNOTIFI_USER_KEY", TestKeys.User)));

        Assert.Equal("https://api.pushnotifi.me", options.ApiBaseUrl);
        Assert.Null(options.GroupKey);
        Assert.Null(options.ApplicationKey);
        Assert.Null(options.RateLimitPerMinute);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_or_blank_user_key_fails_naming_the_variable(string? value)
    {
        var error = Assert.Throws<PushNotifiConfigurationException>(() => PushNotifiOptions.FromEnvironment(Env(("PUSHNOTIFI_USER_KEY", value))));

        Assert.Equal("PUSHNOTIFI_USER_KEY", error.VariableName);
        Assert.Contains("PUSHNOTIFI_USER_KEY", error.Message);
    }

    [Fact]
    public void A_malformed_user_key_fails_without_echoing_the_key()
    {
        const string wrong = "xNOTaUSERkeyBUTsecretISsecret0042";
        var error = Assert.Throws<PushNotifiConfigurationException>(() => PushNotifiOptions.FromEnvironment(Env(("PUSHNOTIFI_USER_KEY", wrong))));

        Assert.Equal("PUSHNOTIFI_USER_KEY", error.VariableName);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.Contains("…0042", error.Message);
    }

    [Theory]
    [InlineData("PUSHNOTIFI_GROUP_KEY", "uWRONGprefixFORaGROUPkey00000001")]
    [InlineData("PUSHNOTIFI_API_BASE_URL", "not a url")]
    [InlineData("PUSHNOTIFI_API_BASE_URL", "ftp://example.org")]
    [InlineData("PUSHNOTIFI_RATE_LIMIT_PER_MINUTE", "many")]
    [InlineData("PUSHNOTIFI_RATE_LIMIT_PER_MINUTE", "0")]
    [InlineData("PUSHNOTIFI_RATE_LIMIT_PER_MINUTE", "-5")]
    public void Invalid_optional_variables_fail_naming_the_variable(string name, string value)
    {
        var error = Assert.Throws<PushNotifiConfigurationException>(() =>
            PushNotifiOptions.FromEnvironment(Env(("PUSHNOTIFI_USER_KEY", TestKeys.User), (name, value))));

        Assert.Equal(name, error.VariableName);
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void The_client_refuses_invalid_options_so_there_is_never_a_half_made_client()
    {
        var error = Assert.Throws<PushNotifiConfigurationException>(() => new PushNotifiClient(new PushNotifiOptions()));

        Assert.Equal("PUSHNOTIFI_USER_KEY", error.VariableName);
    }

    [Theory]
    [InlineData(-1, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void Invalid_retry_settings_are_refused(int attempts, int totalSeconds, int attemptSeconds)
    {
        var options = TestKeys.Options();
        options.MaxRetryAttempts = attempts;
        options.RetryTotalTimeout = TimeSpan.FromSeconds(totalSeconds);
        options.AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds);

        Assert.Throws<PushNotifiConfigurationException>(options.Validate);
    }
}
