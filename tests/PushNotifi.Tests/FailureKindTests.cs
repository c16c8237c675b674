using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Tests;

/// <summary>
/// <see cref="PushNotifiException.Kind"/> against the real sandbox: each way a call fails has one kind, so the CLI
/// and the MCP server switch on it instead of guessing from the status or the inner exceptions.
/// </summary>
public class FailureKindTests
{
    private const string WrongKey = "uWRONGuserKEYforTESTS00000008765";

    [Theory]
    [InlineData(500, PushNotifiFailureKind.Server)]
    [InlineData(503, PushNotifiFailureKind.Server)]
    [InlineData(400, PushNotifiFailureKind.ApiError)]
    [InlineData(404, PushNotifiFailureKind.ApiError)]
    [InlineData(401, PushNotifiFailureKind.Unauthorized)]
    [InlineData(403, PushNotifiFailureKind.Forbidden)]
    public async Task An_error_status_has_its_kind(int status, PushNotifiFailureKind kind)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Faults.FailNext(1, status);
        var client = Loopback.Client(Loopback.Options(sandbox));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(kind, error.Kind);
    }

    [Fact]
    public async Task A_wrong_key_is_unauthorized_and_so_is_the_paused_call_after_it()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox, userKey: WrongKey));

        var refused = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));
        await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));
        var paused = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Equal(PushNotifiFailureKind.Unauthorized, refused.Kind);
        Assert.Contains("was not sent", paused.Message, StringComparison.Ordinal);
        Assert.Equal(PushNotifiFailureKind.Unauthorized, paused.Kind);
    }

    [Fact]
    public async Task A_429_from_the_API_and_the_client_side_limit_are_both_rate_limited_and_only_the_API_has_a_status()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        sandbox.Faults.RateLimitNext(1, TimeSpan.FromSeconds(30));
        var options = Loopback.Options(sandbox);
        options.RateLimitPerMinute = 1;
        options.RateLimitQueueTimeout = TimeSpan.Zero;
        var client = Loopback.Client(options);

        var api = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));
        var local = await Assert.ThrowsAsync<PushNotifiRateLimitExceededException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Equal((PushNotifiFailureKind.RateLimited, 429), (api.Kind, api.StatusCode));
        Assert.Equal((PushNotifiFailureKind.RateLimited, (int?)null), (local.Kind, local.StatusCode));
    }

    [Fact]
    public async Task An_invalid_message_and_missing_configuration_are_validation()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));

        var invalid = await Assert.ThrowsAsync<PushNotifiValidationException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", string.Empty)));
        var missing = Assert.Throws<PushNotifiConfigurationException>(() => new PushNotifiClient(new PushNotifiOptions()));

        Assert.Equal(PushNotifiFailureKind.Validation, invalid.Kind);
        Assert.Equal(PushNotifiFailureKind.Validation, missing.Kind);
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task Nothing_listening_is_network()
    {
        // Port 9 (discard) on loopback: nothing listens there in the test environment, so the connection is refused.
        var client = Loopback.Client(TestKeys.Options("http://127.0.0.1:9"));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.ListGroupsAsync());

        Assert.Null(error.StatusCode);
        Assert.Equal(PushNotifiFailureKind.Network, error.Kind);
    }

    [Theory]
    [InlineData(20, 10, PushNotifiFailureKind.Timeout)] // the whole call's budget runs out first
    [InlineData(5, 60, PushNotifiFailureKind.Network)] // one attempt's runs out first
    public async Task The_whole_call_running_out_is_timeout_and_one_attempt_running_out_is_network(int attemptSeconds, int totalSeconds, PushNotifiFailureKind expected)
    {
        var clientClock = new FakeTimeProvider();
        var sandboxClock = new FakeTimeProvider(); // never advanced: injected delays never end
        await using var sandbox = await TestSandbox.StartAsync(clock: sandboxClock);
        sandbox.Faults.DelayNext(1, TimeSpan.FromHours(1));
        var options = Loopback.Options(sandbox);
        options.AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds);
        options.RetryTotalTimeout = TimeSpan.FromSeconds(totalSeconds);

        var call = Loopback.Client(options, time: clientClock).SendAsync(PushNotifiMessage.ToDefaultGroup("T", "slow"));
        await Loopback.WaitForRequestsAsync(sandbox, 1);
        clientClock.Advance(TimeSpan.FromSeconds(Math.Min(attemptSeconds, totalSeconds)));
        var error = await Assert.ThrowsAsync<PushNotifiException>(() => call);

        Assert.Equal(expected, error.Kind);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_the_thrower_set_wins_over_the_inferred_one()
    {
        var error = new PushNotifiException("PushNotifi send timed out.") { Kind = PushNotifiFailureKind.Timeout };

        Assert.Equal(PushNotifiFailureKind.Timeout, error.Kind);
        Assert.Equal(PushNotifiFailureKind.Network, new PushNotifiException("no answer").Kind);
    }
}
