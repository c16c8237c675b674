using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace PushNotifi.Tests;

/// <summary>
/// Tests that change the process environment run while no other test runs: variables are process-wide, and the
/// runtime reads its <c>PUSHNOTIFI_</c> ones on whichever test calls it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentGroup
{
    public const string Name = "Process environment";
}

[Collection(ProcessEnvironmentGroup.Name)]
public sealed class ProcessEnvironmentTests : IDisposable
{
    private static readonly string[] s_names =
    [
        "PUSHNOTIFI_USER_KEY", "PUSHNOTIFI_GROUP_KEY", "PUSHNOTIFI_APPLICATION_KEY",
        "PUSHNOTIFI_WEBHOOK_TOKEN", "PUSHNOTIFI_API_BASE_URL", "PUSHNOTIFI_RATE_LIMIT_PER_MINUTE",
    ];

    private readonly Dictionary<string, string?> _saved = s_names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    public ProcessEnvironmentTests()
    {
        foreach (var name in s_names)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public void FromEnvironment_reads_the_process_environment()
    {
        Environment.SetEnvironmentVariable("PUSHNOTIFI_USER_KEY", TestKeys.User);
        Environment.SetEnvironmentVariable("PUSHNOTIFI_GROUP_KEY", TestKeys.Group);
        Environment.SetEnvironmentVariable("PUSHNOTIFI_API_BASE_URL", "http://127.0.0.1:5080");
        Environment.SetEnvironmentVariable("PUSHNOTIFI_RATE_LIMIT_PER_MINUTE", "12");

        var options = PushNotifiOptions.FromEnvironment();

        Assert.Equal(TestKeys.User, options.UserKey);
        Assert.Equal(TestKeys.Group, options.GroupKey);
        Assert.Equal("http://127.0.0.1:5080", options.ApiBaseUrl);
        Assert.Equal(12, options.RateLimitPerMinute);
    }

    [Fact]
    public void FromEnvironment_fails_fast_without_a_user_key()
    {
        var error = Assert.Throws<PushNotifiConfigurationException>(() => PushNotifiOptions.FromEnvironment());

        Assert.Equal("PUSHNOTIFI_USER_KEY", error.VariableName);
    }

    [Fact]
    public void AddPushNotifi_binds_the_PushNotifi_section_with_the_environment_as_fallback()
    {
        Environment.SetEnvironmentVariable("PUSHNOTIFI_GROUP_KEY", TestKeys.Group);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PushNotifi:UserKey"] = TestKeys.User,
            ["PushNotifi:ApiBaseUrl"] = "http://127.0.0.1:5999",
            ["PushNotifi:RateLimitPerMinute"] = "7",
            ["PushNotifi:MaxRetryAttempts"] = "2",
            ["PushNotifi:RetryTotalTimeout"] = "00:00:20",
            ["PushNotifi:AckPolling:MaxInterval"] = "00:00:25",
            ["PushNotifi:AckPolling:BackoffFactor"] = "1.5",
        }).Build();
        var services = new ServiceCollection();
        services.AddPushNotifi(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PushNotifiOptions>>().Value;

        Assert.Equal(TestKeys.User, options.UserKey);
        Assert.Equal(TestKeys.Group, options.GroupKey);
        Assert.Equal("http://127.0.0.1:5999", options.ApiBaseUrl);
        Assert.Equal(7, options.RateLimitPerMinute);
        Assert.Equal(2, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(20), options.RetryTotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(25), options.AckPolling.MaxInterval);
        Assert.Equal(1.5, options.AckPolling.BackoffFactor);
        var client = Assert.IsType<PushNotifiClient>(provider.GetRequiredService<IPushNotifiClient>());
        Assert.Equal("http://127.0.0.1:5999", client.Options.ApiBaseUrl);
    }

    [Fact]
    public void AddPushNotifi_registers_the_ack_surface_as_the_same_kind_of_client()
    {
        var services = new ServiceCollection();
        services.AddPushNotifi(o =>
        {
            o.UserKey = TestKeys.User;
            o.GroupKey = TestKeys.Group;
        });
        using var provider = services.BuildServiceProvider();

        var acks = provider.GetRequiredService<IPushNotifiAcks>();

        Assert.IsType<PushNotifiClient>(acks);
    }

    [Fact]
    public void A_registered_fake_client_without_the_ack_surface_gets_a_clear_error()
    {
        var services = new ServiceCollection();
        services.AddPushNotifi(o => o.UserKey = TestKeys.User);
        services.AddSingleton<IPushNotifiClient, SendOnlyFake>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IPushNotifiAcks>());

        Assert.Contains("register an IPushNotifiAcks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPushNotifi_validates_at_start_and_names_the_variable()
    {
        var services = new ServiceCollection();
        services.AddPushNotifi(o => o.GroupKey = TestKeys.Group);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PUSHNOTIFI_USER_KEY", error.Message);
    }

    [Fact]
    public void AddPushNotifi_names_an_invalid_ack_polling_setting_at_start()
    {
        var services = new ServiceCollection();
        services.AddPushNotifi(o =>
        {
            o.UserKey = TestKeys.User;
            o.AckPolling.BackoffFactor = 0.5;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PushNotifi:AckPolling:BackoffFactor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPushNotifi_with_a_delegate_overrides_the_environment()
    {
        Environment.SetEnvironmentVariable("PUSHNOTIFI_USER_KEY", TestKeys.User);
        Environment.SetEnvironmentVariable("PUSHNOTIFI_API_BASE_URL", "http://127.0.0.1:5111");
        var services = new ServiceCollection();
        services.AddPushNotifi(o => o.ApiBaseUrl = "http://127.0.0.1:5222");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = Assert.IsType<PushNotifiClient>(provider.GetRequiredService<IPushNotifiClient>());

        Assert.Equal(TestKeys.User, client.Options.UserKey);
        Assert.Equal("http://127.0.0.1:5222", client.Options.ApiBaseUrl);
    }

    [Fact]
    public async Task The_registered_client_sends_over_the_factory_logs_through_ILogger_and_shares_one_rate_limit()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.UserKey = TestKeys.Canary);
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddPushNotifi(o =>
        {
            o.UserKey = TestKeys.Canary;
            o.GroupKey = TestKeys.Group;
            o.ApiBaseUrl = sandbox.BaseUrl;
            o.RateLimitPerMinute = 2;
            o.RateLimitQueueTimeout = TimeSpan.Zero;
        });
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        // Typed clients are transient: two instances must still share one budget.
        await provider.GetRequiredService<IPushNotifiClient>().SendAsync(PushNotifiMessage.ToDefaultGroup("1", "one"));
        await provider.GetRequiredService<IPushNotifiClient>().SendAsync(PushNotifiMessage.ToDefaultGroup("2", "two"));
        await Assert.ThrowsAsync<PushNotifiRateLimitExceededException>(() =>
            provider.GetRequiredService<IPushNotifiClient>().SendAsync(PushNotifiMessage.ToDefaultGroup("3", "three")));

        Assert.Equal(2, sandbox.Notifications.Count);
        Assert.All(sandbox.Requests, r => Assert.Equal("…0042", r.ApiKeyLastFour));
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Category == typeof(PushNotifiClient).FullName && r.Message.Contains("accepted", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Message.Contains("rate limit", StringComparison.Ordinal));
        Assert.All(logs, r => Assert.DoesNotContain(TestKeys.Canary, r.Message, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A user's fake of the send surface, written before acks existed: it must keep compiling.</summary>
    private sealed class SendOnlyFake : IPushNotifiClient
    {
        public Task<PushNotifiSendResult> SendAsync(PushNotifiMessage message, CancellationToken cancellationToken = default) =>
            Task.FromResult(new PushNotifiSendResult("ok", null, null, false));

        public Task<IReadOnlyList<PushNotifiApplication>> ListApplicationsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PushNotifiApplication>>([]);

        public Task<PushNotifiApplication> GetApplicationAsync(string applicationKey, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<PushNotifiGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PushNotifiGroup>>([]);

        public Task<IReadOnlyList<PushNotifiSentMessage>> ListMessagesAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PushNotifiSentMessage>>([]);
    }
}
