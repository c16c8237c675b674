using System.Text.Json;

namespace PushNotifi.Tests;

/// <summary>Asking a question: priority 2, a template, an alert id, and an idempotency key that never reuses an old answer.</summary>
public class RequestAckTests
{
    [Fact]
    public async Task A_question_is_sent_at_priority_2_with_its_template_and_returns_the_alert_id()
    {
        await using var fixture = await AckFixture.StartAsync();

        var alertId = await fixture.AskAsync(PushNotifiResponseTemplate.ProceedAbort);

        var captured = Assert.Single(fixture.Sandbox.Notifications);
        Assert.Equal(alertId, captured.AlertId);
        var body = JsonDocument.Parse(captured.RawBody).RootElement;
        Assert.Equal(2, body.GetProperty("priority").GetInt32());
        Assert.Equal("proceed_abort", body.GetProperty("alert_response_template").GetString());
        Assert.StartsWith("ack:", body.GetProperty("idempotency_key").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_without_a_template_asks_for_a_plain_acknowledgement()
    {
        await using var fixture = await AckFixture.StartAsync();

        await fixture.Client.RequestAckAsync(new PushNotifiMessage { Message = "Disk 95% on web-01" });

        var body = JsonDocument.Parse(Assert.Single(fixture.Sandbox.Notifications).RawBody).RootElement;
        Assert.Equal("ack", body.GetProperty("alert_response_template").GetString());
    }

    [Fact]
    public async Task The_same_question_asked_again_later_is_a_new_alert_without_the_old_answer()
    {
        await using var fixture = await AckFixture.StartAsync();
        var yesterday = await fixture.AskAsync();
        fixture.Sandbox.Ack(yesterday, "Approve");

        var today = await fixture.AskAsync();

        Assert.NotEqual(yesterday, today);
        Assert.Equal(2, fixture.Sandbox.Notifications.Count);
        var status = await fixture.Client.GetAckStatusAsync(today);
        Assert.False(status.Acked);
        Assert.False(status.IsAffirmative);
    }

    [Fact]
    public async Task A_retried_question_pages_the_person_once_and_returns_the_first_alert_id()
    {
        await using var fixture = await AckFixture.StartAsync();
        fixture.Sandbox.Faults.DropNext(1);

        var alertId = await fixture.AskAsync();

        Assert.Equal(2, fixture.Sandbox.Requests.Count);
        var captured = Assert.Single(fixture.Sandbox.Notifications);
        Assert.Equal(captured.AlertId, alertId);
        var keys = fixture.Sandbox.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("idempotency_key").GetString()).Distinct();
        Assert.Single(keys);
    }

    [Fact]
    public async Task The_callers_idempotency_key_is_kept()
    {
        await using var fixture = await AckFixture.StartAsync();

        await fixture.Client.RequestAckAsync(new PushNotifiMessage { Message = "Run migration 42?", IdempotencyKey = "migrate:42:run-7" });

        var body = JsonDocument.Parse(Assert.Single(fixture.Sandbox.Notifications).RawBody).RootElement;
        Assert.Equal("migrate:42:run-7", body.GetProperty("idempotency_key").GetString());
    }

    [Theory]
    [InlineData(PushNotifiPriority.Normal)]
    [InlineData(PushNotifiPriority.High)]
    public async Task A_question_at_another_priority_is_refused_before_sending(PushNotifiPriority priority)
    {
        await using var fixture = await AckFixture.StartAsync();

        var error = await Assert.ThrowsAsync<PushNotifiValidationException>(() =>
            fixture.Client.RequestAckAsync(new PushNotifiMessage { Message = "Go?", Priority = priority }));

        Assert.Equal("priority", error.Field);
        Assert.Empty(fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task A_template_on_an_ordinary_send_is_refused_naming_the_field()
    {
        await using var fixture = await AckFixture.StartAsync();

        var error = await Assert.ThrowsAsync<PushNotifiValidationException>(() => fixture.Client.SendAsync(new PushNotifiMessage
        {
            Message = "Go?",
            Priority = PushNotifiPriority.High,
            ResponseTemplate = PushNotifiResponseTemplate.YesNo,
        }));

        Assert.Equal("alert_response_template", error.Field);
        Assert.Contains("priority 2", error.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Sandbox.Requests);
    }

    [Fact]
    public async Task An_emergency_send_returns_its_alert_id_and_an_ordinary_send_none()
    {
        await using var fixture = await AckFixture.StartAsync();

        var emergency = await fixture.Client.SendAsync(new PushNotifiMessage { Message = "Down", Priority = PushNotifiPriority.Emergency });
        var ordinary = await fixture.Client.SendAsync(new PushNotifiMessage { Message = "Up" });

        Assert.False(string.IsNullOrEmpty(emergency.AlertId));
        Assert.Null(ordinary.AlertId);
        Assert.Equal("Notification accepted.", ordinary.Message);
    }

    [Fact]
    public async Task An_answer_without_an_alert_id_is_an_error_that_says_so()
    {
        await using var fixture = await AckFixture.StartAsync();

        // The key of an earlier ordinary send: the API answers "duplicate" with no alert id.
        await fixture.Client.SendAsync(new PushNotifiMessage { Message = "Up", IdempotencyKey = "shared-key" });
        var error = await Assert.ThrowsAsync<PushNotifiException>(() =>
            fixture.Client.RequestAckAsync(new PushNotifiMessage { Message = "Go?", IdempotencyKey = "shared-key" }));

        Assert.Contains("no alert_id", error.Message, StringComparison.Ordinal);
        Assert.IsNotType<PushNotifiValidationException>(error);
    }
}
