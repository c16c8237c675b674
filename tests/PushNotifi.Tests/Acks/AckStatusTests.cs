using PushNotifi.Sandbox;

namespace PushNotifi.Tests;

/// <summary>One read of an alert's status over loopback.</summary>
public class AckStatusTests
{
    [Fact]
    public async Task An_unanswered_alert_reads_as_not_acked()
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();

        var status = await fixture.Client.GetAckStatusAsync(alertId);

        Assert.Equal(alertId, status.AlertId);
        Assert.False(status.Acked);
        Assert.Null(status.Response);
        Assert.Null(status.AckedAt);
    }

    [Fact]
    public async Task An_answered_alert_reads_with_who_what_and_when()
    {
        await using var fixture = await AckFixture.StartAsync();
        var alertId = await fixture.AskAsync();
        fixture.Sandbox.Ack(alertId, "Deny", "not on a Friday", deviceId: "pixel-8");

        var status = await fixture.Client.GetAckStatusAsync(alertId);

        Assert.True(status.Acked);
        Assert.Equal("Deny", status.Response);
        Assert.Equal("not on a Friday", status.Comment);
        Assert.Equal("pixel-8", status.AckedByDeviceId);
        Assert.NotNull(status.AckedAt);
        Assert.False(status.IsAffirmative);
    }

    [Fact]
    public async Task An_unknown_alert_is_a_404_that_says_what_to_check()
    {
        await using var fixture = await AckFixture.StartAsync();

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => fixture.Client.GetAckStatusAsync("al_unknown"));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("Check the alert id", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.ApiMessage));
    }

    [Fact]
    public async Task Another_accounts_alert_is_not_found()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            UserKey = TestKeys.User,
            GroupKey = TestKeys.Group,
            ExtraUserKeys = { TestKeys.OtherAccount },
        });
        var owner = Loopback.Client(Loopback.Options(sandbox));
        var stranger = Loopback.Client(Loopback.Options(sandbox, TestKeys.OtherAccount));
        var alertId = await owner.RequestAckAsync(new PushNotifiMessage { Message = "Go?" });

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => stranger.GetAckStatusAsync(alertId));

        Assert.Equal(404, error.StatusCode);
        Assert.DoesNotContain(TestKeys.OtherAccount, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_blank_alert_id_is_refused_before_any_request(string alertId)
    {
        await using var fixture = await AckFixture.StartAsync();

        var error = await Assert.ThrowsAsync<PushNotifiValidationException>(() => fixture.Client.GetAckStatusAsync(alertId));

        Assert.Equal("alert_id", error.Field);
        Assert.Empty(fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task An_alert_id_longer_than_the_api_mints_is_refused()
    {
        await using var fixture = await AckFixture.StartAsync();

        var error = await Assert.ThrowsAsync<PushNotifiValidationException>(() => fixture.Client.GetAckStatusAsync(new string('a', 65)));

        Assert.Equal("alert_id", error.Field);
    }
}
