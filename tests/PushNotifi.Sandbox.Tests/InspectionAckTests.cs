using System.Net;

namespace PushNotifi.Sandbox.Tests;

public class InspectionAckTests
{
    [Fact]
    public async Task Inspection_ack_needs_no_key_and_records_device_sandbox_web()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        using var page = Fake.Client(sandbox, apiKey: null);
        var alertId = await owner.SendAlertAsync("proceed_abort");

        using var ack = await page.PostJsonAsync($"/sandbox/alerts/{alertId}/ack", """{"response":"Proceed","comment":"watch the graphs"}""");
        var status = await (await owner.GetAsync($"/api/v1/alerts/{alertId}/status")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var answer = await ack.JsonAsync();
        Assert.False(answer.GetProperty("alreadyAcked").GetBoolean());
        Assert.Equal("sandbox-web", answer.GetProperty("notification").GetProperty("ackedByDeviceId").GetString());
        Assert.Equal(("sandbox-web", "Proceed", "watch the graphs"), (
            status.GetProperty("acked_by_device_id").GetString(), status.GetProperty("response").GetString(), status.GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task Inspection_ack_applies_the_same_template_rules_as_the_api()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        using var page = Fake.Client(sandbox, apiKey: null);
        var alertId = await owner.SendAlertAsync("approve_deny");

        using var forged = await page.PostJsonAsync($"/sandbox/alerts/{alertId}/ack", """{"response":"Yes"}""");
        using var unknown = await page.PostJsonAsync("/sandbox/alerts/al_nope/ack", """{"response":"Yes"}""");
        using var plain = await page.PostAsync($"/sandbox/alerts/{alertId}/ack", null);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var error = await forged.JsonAsync();
        Assert.Equal("response", error.GetProperty("field").GetString());
        Assert.Equal(["Approve", "Deny"], error.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.False(sandbox.FindAlert(alertId)!.Acked);
    }

    [Fact]
    public async Task Inspection_second_ack_says_already_acknowledged()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        var alertId = await owner.SendAlertAsync();
        (await owner.AckAsync(alertId, """{"device_id":"phone-1"}""")).Dispose();

        using var again = await owner.PostJsonAsync($"/sandbox/alerts/{alertId}/ack", "{}");

        var answer = await again.JsonAsync();
        Assert.True(answer.GetProperty("alreadyAcked").GetBoolean());
        Assert.Equal("Already acknowledged; nothing changed.", answer.GetProperty("message").GetString());
        Assert.Equal("phone-1", answer.GetProperty("notification").GetProperty("ackedByDeviceId").GetString());
    }

    [Fact]
    public async Task Server_Ack_uses_the_same_rules_and_defaults_to_sandbox_web()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        var alertId = await owner.SendAlertAsync("confirm_cancel");

        Assert.Throws<ArgumentException>(() => sandbox.Ack(alertId, "Approve"));
        Assert.Throws<KeyNotFoundException>(() => sandbox.Ack("al_unknown", "Confirm"));
        var acked = sandbox.Ack(alertId, "Cancel", "not now");
        var again = sandbox.Ack(alertId, "Confirm", deviceId: "other");

        Assert.Equal(("sandbox-web", "Cancel", "not now", true), (acked.AckedByDeviceId, acked.Response, acked.Comment, acked.Acked));
        Assert.Equal(acked, again);
    }
}
