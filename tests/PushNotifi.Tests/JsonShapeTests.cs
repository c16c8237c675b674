using System.Text.Json;

namespace PushNotifi.Tests;

public class JsonShapeTests
{
    private static JsonElement Serialize(PushNotifiMessage message, PushNotifiOptions? options = null)
    {
        var request = PushNotifiMessageValidator.Validate(message, options ?? TestKeys.Options(), Redactor.Default);
        return JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(request, PushNotifiJsonContext.Default.PushNotifiMessage)).RootElement.Clone();
    }

    private static string[] Names(JsonElement json) => json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_field_uses_the_contract_snake_case_name()
    {
        var json = Serialize(new PushNotifiMessage
        {
            Type = PushNotifiRecipientType.User,
            SendToKey = TestKeys.User,
            Message = "m",
            Title = "t",
            Priority = PushNotifiPriority.High,
            ApplicationKey = TestKeys.Application,
            IdempotencyKey = "job:2026-05-10T03:00:00Z",
            Url = "https://example.org/runbook",
            UrlTitle = "Runbook",
            Ttl = 3600,
            AttachmentBase64 = "aGVsbG8=",
            AttachmentType = "image/png",
        });

        Assert.Equal(
            ["application_key", "attachment_base64", "attachment_type", "idempotency_key", "message", "priority", "send_to_key", "title", "ttl", "type", "url", "url_title"],
            Names(json));
        Assert.Equal("user", json.GetProperty("type").GetString());
        Assert.Equal(1, json.GetProperty("priority").GetInt32());
        Assert.Equal(3600, json.GetProperty("ttl").GetInt32());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("priority").ValueKind);
    }

    [Fact]
    public void The_response_template_goes_as_alert_response_template_by_its_wire_name()
    {
        var json = Serialize(new PushNotifiMessage
        {
            Message = "Deploy?",
            Priority = PushNotifiPriority.Emergency,
            ResponseTemplate = PushNotifiResponseTemplate.ApproveDeny,
        });

        Assert.Equal("approve_deny", json.GetProperty("alert_response_template").GetString());
        Assert.Equal(2, json.GetProperty("priority").GetInt32());
    }

    [Fact]
    public void Unset_fields_are_omitted()
    {
        var json = Serialize(new PushNotifiMessage { Message = "only this" });

        Assert.Equal(["message", "send_to_key", "type"], Names(json));
        Assert.Equal("group", json.GetProperty("type").GetString());
    }

    [Fact]
    public void Responses_parse_with_reflection_based_serialization_off()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);

        var sent = JsonSerializer.Deserialize(
            """[{"id":"n_1","type":"group","title":"T","message":"M","priority":-1,"idempotency_key":"k","created_at":"2026-05-10T03:00:00Z"}]""",
            PushNotifiJsonContext.Default.PushNotifiSentMessageArray)!;
        var apps = JsonSerializer.Deserialize(
            """{"message":"OK","applications":[{"application_key":"aX","name":"Default","is_default":true}]}""",
            PushNotifiJsonContext.Default.ApplicationsResponse)!;

        var message = Assert.Single(sent);
        Assert.Equal(PushNotifiRecipientType.Group, message.Type);
        Assert.Equal(PushNotifiPriority.Low, message.Priority);
        Assert.Equal(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero), message.CreatedAt);
        Assert.True(Assert.Single(apps.Applications!).IsDefault);
    }
}
