using System.Net;
using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

public class AlertSendTests
{
    [Fact]
    public async Task Priority_two_send_answers_an_opaque_alert_id_and_stores_the_template()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.PostJsonAsync("/api/v1/message",
            $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"Deploy?","priority":2,"alert_response_template":"approve_deny"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(["message", "id", "duplicate", "alert_id"], json.EnumerateObject().Select(p => p.Name));
        var alertId = json.GetProperty("alert_id").GetString()!;
        Assert.Matches("^al_[0-9a-f]{32}$", alertId);
        Assert.InRange(alertId.Length, 1, 64);
        var n = Assert.Single(sandbox.Notifications);
        Assert.Equal((alertId, "approve_deny", false), (n.AlertId, n.ResponseTemplate, n.Acked));
        Assert.Equal(["Approve", "Deny"], n.ResponseLabels);
    }

    [Fact]
    public async Task Priority_two_without_a_template_is_still_an_alert()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        var first = await client.SendAlertAsync();
        var second = await client.SendAlertAsync();

        Assert.NotEqual(first, second);
        Assert.All(sandbox.Notifications, n => Assert.Null(n.ResponseTemplate));
        Assert.Equal(["Acknowledge"], sandbox.Notifications[0].ResponseLabels);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(-2)]
    public async Task Other_priorities_omit_the_alert_id(int? priority)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var priorityField = priority is null ? string.Empty : $",\"priority\":{priority}";

        using var response = await client.PostJsonAsync("/api/v1/message", $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"m"{{priorityField}}}""");

        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(json.TryGetProperty("alert_id", out _));
        Assert.Null(Assert.Single(sandbox.Notifications).AlertId);
    }

    [Theory]
    [InlineData("\"approve\"", 2)]
    [InlineData("\"Yes_No\"", 2)]
    [InlineData("\"\"", 2)]
    [InlineData("7", 2)]
    [InlineData("\"yes_no\"", 1)]
    [InlineData("\"ack\"", 0)]
    public async Task Unknown_template_or_one_below_priority_two_is_400_naming_the_field(string template, int priority)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.PostJsonAsync("/api/v1/message",
            $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"m","priority":{{priority}},"alert_response_template":{{template}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("alert_response_template", (await response.JsonAsync()).GetProperty("field").GetString());
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task Every_contract_template_is_accepted()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        foreach (var template in new[] { "ack", "yes_no", "approve_deny", "proceed_abort", "confirm_cancel", "freetext" })
        {
            await client.SendAlertAsync(template);
        }

        Assert.Equal(AlertTemplates.Names, sandbox.Notifications.Select(n => n.ResponseTemplate));
    }

    [Fact]
    public async Task Duplicate_send_answers_the_original_alert_id()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var body = $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"m","priority":2,"alert_response_template":"yes_no","idempotency_key":"page-1"}""";

        var first = await (await client.PostJsonAsync("/api/v1/message", body)).JsonAsync();
        var retry = await (await client.PostJsonAsync("/api/v1/message", body)).JsonAsync();

        Assert.True(retry.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("id").GetString(), retry.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("alert_id").GetString(), retry.GetProperty("alert_id").GetString());
        Assert.Single(sandbox.Notifications);
    }

    [Fact]
    public async Task Inspection_lists_the_alert_its_labels_and_its_ack()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync("yes_no");
        (await client.AckAsync(alertId, """{"device_id":"phone-1","response":"Yes","comment":"go"}""")).Dispose();

        var n = Assert.Single((await (await client.GetAsync("/sandbox/notifications")).JsonAsync()).EnumerateArray().ToArray());

        Assert.Equal((alertId, "yes_no", true), (n.GetProperty("alertId").GetString(), n.GetProperty("responseTemplate").GetString(), n.GetProperty("acked").GetBoolean()));
        Assert.Equal(["Yes", "No"], n.GetProperty("responseLabels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(("phone-1", "Yes", "go"), (n.GetProperty("ackedByDeviceId").GetString(), n.GetProperty("response").GetString(), n.GetProperty("comment").GetString()));
        Assert.Equal(JsonValueKind.String, n.GetProperty("ackedAt").ValueKind);
        Assert.False(n.TryGetProperty("accountKey", out _));
    }
}
