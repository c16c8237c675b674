using System.Text.Json;

namespace PushNotifi.Tests;

/// <summary>The client against the real sandbox over loopback HTTP: what goes on the wire and what comes back.</summary>
public class ClientWireTests
{
    [Fact]
    public async Task Every_contract_field_arrives_on_the_wire_under_its_snake_case_name()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));

        var answer = await client.SendAsync(new PushNotifiMessage
        {
            Type = PushNotifiRecipientType.Group,
            SendToKey = TestKeys.Group,
            Message = "Disk /var is 91% full",
            Title = "web-01 disk",
            Priority = PushNotifiPriority.High,
            ApplicationKey = TestKeys.Application,
            IdempotencyKey = "disk:web-01:2026-05-10T03:00:00Z",
            Url = "https://example.org/runbooks/disk",
            UrlTitle = "Runbook",
            Ttl = 3600,
            AttachmentBase64 = "iVBORw0KGgo=",
            AttachmentType = "image/png",
        });

        Assert.Equal("Notification accepted.", answer.Message);
        Assert.Null(answer.AlertId);
        Assert.False(answer.Duplicate);
        var captured = Assert.Single(sandbox.Notifications);
        var body = JsonDocument.Parse(captured.RawBody).RootElement;
        Assert.Equal(
            ["application_key", "attachment_base64", "attachment_type", "idempotency_key", "message", "priority", "send_to_key", "title", "ttl", "type", "url", "url_title"],
            body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("group", body.GetProperty("type").GetString());
        Assert.Equal(1, body.GetProperty("priority").GetInt32());
        Assert.Equal(3600, body.GetProperty("ttl").GetInt32());
        Assert.Equal(
            ("group", TestKeys.Group, "Disk /var is 91% full", "web-01 disk", 1, TestKeys.Application),
            (captured.Type, captured.SendToKey, captured.Message, captured.Title, captured.Priority, captured.ApplicationKey));
        Assert.Equal(
            ("disk:web-01:2026-05-10T03:00:00Z", "https://example.org/runbooks/disk", "Runbook", 3600, "iVBORw0KGgo=", "image/png"),
            (captured.IdempotencyKey, captured.Url, captured.UrlTitle, captured.Ttl, captured.AttachmentBase64, captured.AttachmentType));
        Assert.Equal(TestKeys.LastFour(TestKeys.User), captured.ApiKeyLastFour);
        Assert.StartsWith("application/json", captured.Headers.First(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value);
    }

    [Fact]
    public async Task Unset_fields_are_not_sent_and_the_default_group_is_used()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));

        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("Backup", "Nightly backup finished"));

        var captured = Assert.Single(sandbox.Notifications);
        var body = JsonDocument.Parse(captured.RawBody).RootElement;
        Assert.Equal(["message", "send_to_key", "title", "type"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(TestKeys.Group, captured.SendToKey);
    }

    [Fact]
    public async Task A_user_recipient_is_sent_as_type_user()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));

        await client.SendAsync(PushNotifiMessage.ToUser(TestKeys.User, "Hi", "Just you"));

        Assert.Equal(("user", TestKeys.User), (sandbox.Notifications[0].Type, sandbox.Notifications[0].SendToKey));
    }

    [Fact]
    public async Task An_invalid_message_never_reaches_the_network()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));

        var error = await Assert.ThrowsAsync<PushNotifiValidationException>(() =>
            client.SendAsync(PushNotifiMessage.ToDefaultGroup(new string('t', 251), "body")));

        Assert.Equal("title", error.Field);
        Assert.Empty(sandbox.Requests);
    }

    [Fact]
    public async Task A_400_is_a_PushNotifiException_with_the_status_and_the_API_text()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        sandbox.Faults.FailNext(1, 400);

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalid_request", error.ErrorCode);
        Assert.Contains("HTTP 400", error.Message);
        Assert.Contains("Injected fault", error.Message);
        var body = Assert.IsType<JsonElement>(error.Body);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_401_names_the_variable_and_only_the_last_four_of_the_key()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.UserKey = TestKeys.User);
        const string wrongKey = "uWRONGuserKEYforTESTS00000009999";
        var client = Loopback.Client(Loopback.Options(sandbox, userKey: wrongKey));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("unauthorized", error.ErrorCode);
        Assert.Contains("HTTP 401", error.Message);
        Assert.Contains("PUSHNOTIFI_USER_KEY", error.Message);
        Assert.Equal(
            "PushNotifi send failed: HTTP 401 Unauthorized: Invalid X-API-Key (error unauthorized)."
            + " PushNotifi refused the API key ending …9999: it is wrong, or it was revoked or rotated. Use an active key of your account (create or rotate one; the full key is shown once), then restart the app."
            + " Check PUSHNOTIFI_USER_KEY (the key in use ends …9999)."
            + " Calls now pause for up to a minute at a time, so a loop cannot trip the API's failed-auth limit for this address.",
            error.Message);
        Assert.DoesNotContain(wrongKey, error.ToString());
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task A_404_for_an_unknown_group_names_the_field()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() =>
            client.SendAsync(PushNotifiMessage.ToGroup("gUNKNOWNgroupKEYforTESTS00000404", "T", "M")));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("send_to_key", error.ErrorField);
        Assert.Contains("HTTP 404", error.Message);
        Assert.Equal(
            "PushNotifi send failed: HTTP 404 Not Found: Unknown group key …0404 (error not_found, field send_to_key). Check the send_to_key or application key.",
            error.Message);
        Assert.DoesNotContain("gUNKNOWNgroupKEYforTESTS00000404", error.ToString());
        Assert.Equal("Unknown group key …0404.", error.ApiMessage);
    }

    [Fact]
    public async Task A_429_carries_the_APIs_Retry_After()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        sandbox.Faults.RateLimitNext(1, TimeSpan.FromSeconds(42));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(42), error.RetryAfter);
        Assert.False(string.IsNullOrEmpty(error.ApiMessage));
    }

    [Fact]
    public async Task The_GET_endpoints_return_applications_groups_and_messages()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        await client.SendAsync(PushNotifiMessage.ToDefaultGroup("Title one", "Message one") with { IdempotencyKey = "k-1", Priority = PushNotifiPriority.Low });

        var applications = await client.ListApplicationsAsync();
        var application = await client.GetApplicationAsync(TestKeys.Application);
        var groups = await client.ListGroupsAsync();
        var messages = await client.ListMessagesAsync();

        Assert.Contains(applications, a => a.ApplicationKey == TestKeys.Application);
        Assert.Contains(applications, a => a.IsDefault);
        Assert.Equal(TestKeys.Application, application.ApplicationKey);
        Assert.Contains(groups, g => g.GroupKey == TestKeys.Group);
        var sent = Assert.Single(messages);
        Assert.Equal(("Title one", "Message one", PushNotifiPriority.Low, "k-1", PushNotifiRecipientType.Group), (sent.Title, sent.Message, sent.Priority, sent.IdempotencyKey, sent.Type));
        Assert.False(string.IsNullOrEmpty(sent.Id));
    }

    [Fact]
    public async Task An_unknown_application_is_a_404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.GetApplicationAsync("aUNKNOWNappKEYforTESTS0000000404"));

        Assert.Equal(404, error.StatusCode);
        Assert.Single(sandbox.Requests); // a 4xx is never retried, even for a GET
    }
}
