using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Cli.Tests.Verbs;

/// <summary><c>pushnotifi test</c> against a real sandbox over loopback HTTP.</summary>
public sealed class TestVerbTests : SandboxHost
{
    [Fact]
    public async Task Sends_one_group_test_notification_and_prints_the_api_message_unmodified()
    {
        var now = new DateTimeOffset(2026, 5, 10, 3, 0, 7, TimeSpan.Zero);

        var run = await Cli.RunAsync(Folder, Environment(), ["test"], null, new FakeTimeProvider(now), CancellationToken.None);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Test notification sent. Check your PushNotifi mobile app.\nNotification accepted.\n", run.Output.ReplaceLineEndings("\n"));
        var notification = Assert.Single(Server.Notifications);
        Assert.Equal("group", notification.Type);
        Assert.Equal(Canary.GroupKey, notification.SendToKey);
        Assert.Equal("Test from dotnet", notification.Title);
        Assert.Equal("PushNotifi is working.", notification.Message);
        Assert.Equal(0, notification.Priority);
        Assert.Equal($"dotnet-cli-test:{now.ToUnixTimeSeconds()}", notification.IdempotencyKey);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task Reads_the_keys_from_dot_env_when_the_environment_has_none_and_leaves_it_untouched()
    {
        var dotEnv = Path.Combine(Folder, ".env");
        File.WriteAllText(dotEnv, $"PUSHNOTIFI_USER_KEY={Canary.UserKey}\nPUSHNOTIFI_GROUP_KEY=\"{Canary.GroupKey}\"\nPUSHNOTIFI_API_BASE_URL={Server.BaseUrl}\n");
        var before = File.ReadAllBytes(dotEnv);

        var run = await RunAsync(new Dictionary<string, string>(), "test");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(Server.Notifications);
        Assert.Equal(before, File.ReadAllBytes(dotEnv));
        Assert.Null(System.Environment.GetEnvironmentVariable("PUSHNOTIFI_USER_KEY"));
        Canary.AssertAbsent(run);
    }

    [Theory]
    [InlineData("PUSHNOTIFI_USER_KEY")]
    [InlineData("PUSHNOTIFI_GROUP_KEY")]
    public async Task A_missing_key_is_named_points_to_init_and_sends_nothing(string missing)
    {
        var run = await RunAsync(Environment((missing, null)), "test");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Missing {missing}.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run `pushnotifi init` first", run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
        Canary.AssertAbsent(run);
    }

    [Theory]
    [InlineData(400, "Bad request body")]
    [InlineData(500, "try again later")]
    public async Task An_error_answer_prints_status_and_cause_and_is_never_retried(int status, string cause)
    {
        Server.Faults.FailNext(3, status);

        var run = await RunAsync(Environment(), "test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"HTTP {status}", run.Error, StringComparison.Ordinal);
        Assert.Contains(cause, run.Error, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
        Assert.Empty(Server.Notifications);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_network_failure_prints_the_error_and_the_base_url_it_could_not_reach()
    {
        var closed = ClosedPortUrl();

        var run = await RunAsync(Environment(("PUSHNOTIFI_API_BASE_URL", closed)), "test");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Could not reach {closed}.", run.Error, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_malformed_key_is_a_configuration_error_shown_by_its_last_four_only()
    {
        var run = await RunAsync(Environment(("PUSHNOTIFI_USER_KEY", "uCANARYcanaryTOOshort42")), "test");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PUSHNOTIFI_USER_KEY", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("uCANARYcanaryTOOshort42", run.AllText, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }
}
