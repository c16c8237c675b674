using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Sandbox.Tests;

public class AlertAckTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Status_of_a_fresh_alert_writes_every_field_with_nulls()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync("approve_deny");

        using var response = await client.GetAsync($"/api/v1/alerts/{alertId}/status");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["alert_id", "acked", "acked_at", "acked_by_device_id", "response", "comment"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(alertId, json.GetProperty("alert_id").GetString());
        Assert.False(json.GetProperty("acked").GetBoolean());
        Assert.All(new[] { "acked_at", "acked_by_device_id", "response", "comment" },
            name => Assert.Equal(JsonValueKind.Null, json.GetProperty(name).ValueKind));
    }

    [Fact]
    public async Task Ack_with_a_template_label_is_recorded_with_device_comment_and_the_sandbox_clock()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync("approve_deny");
        clock.Advance(TimeSpan.FromMinutes(3));

        using var ack = await client.AckAsync(alertId, """{"device_id":"phone-1","response":"Approve","comment":"ship it"}""");
        var status = await (await client.GetAsync($"/api/v1/alerts/{alertId}/status")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var answer = await ack.JsonAsync();
        Assert.Equal(("Acknowledged.", false, alertId, true), (
            answer.GetProperty("message").GetString(), answer.GetProperty("already_acked").GetBoolean(),
            answer.GetProperty("alert_id").GetString(), answer.GetProperty("acked").GetBoolean()));
        Assert.True(status.GetProperty("acked").GetBoolean());
        Assert.Equal(Start.AddMinutes(3), status.GetProperty("acked_at").GetDateTimeOffset());
        Assert.Equal(("phone-1", "Approve", "ship it"), (
            status.GetProperty("acked_by_device_id").GetString(), status.GetProperty("response").GetString(), status.GetProperty("comment").GetString()));
    }

    [Theory]
    [InlineData("yes_no", "Yes")]
    [InlineData("yes_no", "No")]
    [InlineData("approve_deny", "Deny")]
    [InlineData("proceed_abort", "Proceed")]
    [InlineData("proceed_abort", "Abort")]
    [InlineData("confirm_cancel", "Confirm")]
    [InlineData("confirm_cancel", "Cancel")]
    public async Task Each_fixed_template_accepts_its_labels(string template, string label)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync(template);

        using var ack = await client.AckAsync(alertId, $$"""{"device_id":"d","response":"{{label}}"}""");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(label, sandbox.FindAlert(alertId)!.Response);
    }

    [Theory]
    [InlineData("approve_deny", "Yes")]
    [InlineData("approve_deny", "approve")]
    [InlineData("approve_deny", "Approve ")]
    [InlineData("yes_no", "Acknowledge")]
    [InlineData("ack", "Yes")]
    [InlineData(null, "Approve")]
    public async Task A_label_the_template_does_not_have_is_400_naming_the_allowed_labels(string? template, string label)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync(template);

        using var ack = await client.AckAsync(alertId, $$"""{"device_id":"d","response":"{{label}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, ack.StatusCode);
        var error = await ack.JsonAsync();
        Assert.Equal("response", error.GetProperty("field").GetString());
        var allowed = AlertTemplates.Labels(template);
        Assert.Equal(allowed, error.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        Assert.All(allowed, l => Assert.Contains(l, error.GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.False(sandbox.FindAlert(alertId)!.Acked);
    }

    [Fact]
    public async Task A_fixed_template_needs_a_response()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync("yes_no");

        using var ack = await client.AckAsync(alertId, """{"device_id":"d"}""");

        Assert.Equal(HttpStatusCode.BadRequest, ack.StatusCode);
        Assert.Equal("response", (await ack.JsonAsync()).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(null, """{"device_id":"d"}""")]
    [InlineData(null, """{"device_id":"d","response":null}""")]
    [InlineData("ack", """{"device_id":"d"}""")]
    [InlineData("ack", """{"device_id":"d","response":"Acknowledge"}""")]
    [InlineData(null, """{"device_id":"d","response":"Acknowledge"}""")]
    public async Task A_plain_acknowledgement_stores_a_null_response(string? template, string body)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync(template);

        using var ack = await client.AckAsync(alertId, body);
        var status = await (await client.GetAsync($"/api/v1/alerts/{alertId}/status")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(status.GetProperty("acked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("response").ValueKind);
    }

    [Fact]
    public async Task Freetext_stores_the_typed_reply_and_refuses_an_empty_one()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync("freetext");

        using var empty = await client.AckAsync(alertId, """{"device_id":"d","response":"  "}""");
        using var missing = await client.AckAsync(alertId, """{"device_id":"d"}""");
        using var typed = await client.AckAsync(alertId, """{"device_id":"d","response":"Roll back to v41\n\nthen page me"}""");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK), (empty.StatusCode, missing.StatusCode, typed.StatusCode));
        Assert.Equal("response", (await empty.JsonAsync()).GetProperty("field").GetString());
        var alert = sandbox.FindAlert(alertId)!;
        Assert.Equal("Roll back to v41\n\nthen page me", alert.Response);
        Assert.Null(alert.Comment);
    }

    [Fact]
    public async Task Legacy_label_and_note_in_response_is_split_into_label_and_comment()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync("approve_deny");

        using var ack = await client.AckAsync(alertId, """{"device_id":"old-app","response":"Deny\n\nnot during the freeze\n\nsorry"}""");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var alert = sandbox.FindAlert(alertId)!;
        Assert.Equal(("Deny", "not during the freeze\n\nsorry"), (alert.Response, alert.Comment));
    }

    [Fact]
    public async Task Legacy_form_with_a_forged_label_is_still_refused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync("approve_deny");

        using var ack = await client.AckAsync(alertId, """{"device_id":"old-app","response":"Yes\n\nnote"}""");

        Assert.Equal(HttpStatusCode.BadRequest, ack.StatusCode);
    }

    [Fact]
    public async Task Comment_up_to_1024_characters_is_kept_longer_is_400_naming_comment()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var tooLong = await client.SendAlertAsync("yes_no");
        var atLimit = await client.SendAlertAsync("yes_no");

        using var refused = await client.AckAsync(tooLong, $$"""{"device_id":"d","response":"Yes","comment":"{{new string('c', 1025)}}"}""");
        using var legacy = await client.AckAsync(tooLong, $$"""{"device_id":"d","response":"Yes\n\n{{new string('c', 1025)}}"}""");
        using var accepted = await client.AckAsync(atLimit, $$"""{"device_id":"d","response":"Yes","comment":"{{new string('c', 1024)}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("comment", (await refused.JsonAsync()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, legacy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1024, sandbox.FindAlert(atLimit)!.Comment!.Length);
        Assert.False(sandbox.FindAlert(tooLong)!.Acked);
    }

    [Theory]
    [InlineData("""{"response":"Yes"}""", "device_id")]
    [InlineData("""{"device_id":" ","response":"Yes"}""", "device_id")]
    [InlineData("""{"device_id":5,"response":"Yes"}""", "device_id")]
    [InlineData("""{"device_id":"d","response":true}""", "response")]
    [InlineData("""{"device_id":"d","response":"Yes","comment":1}""", "comment")]
    [InlineData("""{"device_id":"d","response":"Yes","extra":1}""", "extra")]
    [InlineData("""[]""", "body")]
    [InlineData("", "body")]
    public async Task Bad_ack_body_is_400_naming_the_field(string body, string field)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync("yes_no");

        using var ack = await client.AckAsync(alertId, body);

        Assert.Equal(HttpStatusCode.BadRequest, ack.StatusCode);
        Assert.Equal(field, (await ack.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Second_ack_changes_nothing_and_says_so_with_the_first_answer()
    {
        var clock = new FakeTimeProvider(Start);
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        using var client = Fake.Client(sandbox);
        var alertId = await client.SendAlertAsync("approve_deny");
        (await client.AckAsync(alertId, """{"device_id":"phone-1","response":"Approve","comment":"first"}""")).Dispose();
        clock.Advance(TimeSpan.FromMinutes(1));

        using var second = await client.AckAsync(alertId, """{"device_id":"phone-2","response":"Deny","comment":"second"}""");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var answer = await second.JsonAsync();
        Assert.Equal("Already acknowledged; nothing changed.", answer.GetProperty("message").GetString());
        Assert.True(answer.GetProperty("already_acked").GetBoolean());
        Assert.Equal(("phone-1", "Approve", "first", Start), (
            answer.GetProperty("acked_by_device_id").GetString(), answer.GetProperty("response").GetString(),
            answer.GetProperty("comment").GetString(), answer.GetProperty("acked_at").GetDateTimeOffset()));
        var alert = sandbox.FindAlert(alertId)!;
        Assert.Equal(("phone-1", "Approve", "first"), (alert.AckedByDeviceId, alert.Response, alert.Comment));
    }

    [Fact]
    public async Task Unknown_alert_is_404_naming_alert_id()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var status = await client.GetAsync("/api/v1/alerts/al_00000000000000000000000000000000/status");
        using var ack = await client.AckAsync("al_00000000000000000000000000000000", """{"device_id":"d"}""");

        foreach (var response in new[] { status, ack })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var error = await response.JsonAsync();
            Assert.Equal(("not_found", "alert_id"), (error.GetProperty("error").GetString(), error.GetProperty("field").GetString()));
            Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public async Task A_notification_below_priority_two_has_no_alert_to_ack()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        (await client.SendToGroupAsync()).Dispose();

        using var ack = await client.AckAsync("n_1", """{"device_id":"d"}""");

        Assert.Equal(HttpStatusCode.NotFound, ack.StatusCode);
    }

    [Fact]
    public async Task Another_accounts_key_sees_404_for_status_and_ack()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.ExtraUserKeys.Add(TestKeys.OtherAccount));
        using var owner = Fake.Client(sandbox);
        using var stranger = Fake.Client(sandbox, Fake.SecondAccountKey);
        var alertId = await owner.SendAlertAsync("yes_no");

        using var status = await stranger.GetAsync($"/api/v1/alerts/{alertId}/status");
        using var ack = await stranger.AckAsync(alertId, """{"device_id":"d","response":"Yes"}""");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (status.StatusCode, ack.StatusCode));
        Assert.False(sandbox.FindAlert(alertId)!.Acked);
    }

    [Fact]
    public async Task Extra_account_sends_to_itself_only_and_lists_only_its_own_messages()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.ExtraUserKeys.Add(TestKeys.OtherAccount));
        using var owner = Fake.Client(sandbox);
        using var second = Fake.Client(sandbox, Fake.SecondAccountKey);
        (await owner.SendToGroupAsync("mine")).Dispose();

        using var toGroup = await second.SendToGroupAsync();
        using var toSelf = await second.PostJsonAsync("/api/v1/message", $$"""{"type":"user","send_to_key":"{{Fake.SecondAccountKey}}","message":"theirs","priority":2}""");
        var alertId = (await toSelf.JsonAsync()).GetProperty("alert_id").GetString()!;
        using var own = await second.GetAsync($"/api/v1/alerts/{alertId}/status");
        var listed = await (await second.GetAsync("/api/v1/messages")).JsonAsync();
        var groups = await (await second.GetAsync("/api/v1/groups")).JsonAsync();
        var html = await (await second.GetAsync("/sandbox/notifications")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, toGroup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(["theirs"], listed.EnumerateArray().Select(m => m.GetProperty("message").GetString()));
        Assert.Equal(0, groups.GetArrayLength());
        Assert.DoesNotContain(Fake.SecondAccountKey, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_idempotency_key_in_two_accounts_delivers_twice()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.ExtraUserKeys.Add(TestKeys.OtherAccount));
        using var owner = Fake.Client(sandbox);
        using var second = Fake.Client(sandbox, Fake.SecondAccountKey);

        using var a = await owner.PostJsonAsync("/api/v1/message", $$"""{"type":"user","send_to_key":"{{Fake.UserKey}}","message":"a","idempotency_key":"k"}""");
        using var b = await second.PostJsonAsync("/api/v1/message", $$"""{"type":"user","send_to_key":"{{Fake.SecondAccountKey}}","message":"b","idempotency_key":"k"}""");

        Assert.False((await b.JsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.Equal(2, sandbox.Notifications.Count);
    }

    [Fact]
    public async Task Ack_and_status_need_the_api_key()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var owner = Fake.Client(sandbox);
        using var anonymous = Fake.Client(sandbox, apiKey: null);
        var alertId = await owner.SendAlertAsync();

        using var status = await anonymous.GetAsync($"/api/v1/alerts/{alertId}/status");
        using var ack = await anonymous.AckAsync(alertId, """{"device_id":"d"}""");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (status.StatusCode, ack.StatusCode));
    }
}
