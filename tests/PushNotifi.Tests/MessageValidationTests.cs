using System.Text.Json;

namespace PushNotifi.Tests;

public class MessageValidationTests
{
    private static readonly PushNotifiOptions s_options = TestKeys.Options();

    private static PushNotifiValidationException Invalid(PushNotifiMessage message, PushNotifiOptions? options = null) =>
        Assert.Throws<PushNotifiValidationException>(() => PushNotifiMessageValidator.Validate(message, options ?? s_options, Redactor.Default));

    private static PushNotifiMessage Valid => PushNotifiMessage.ToDefaultGroup("Disk", "Disk almost full");

    public static TheoryData<string, PushNotifiMessage> InvalidMessages => new()
    {
        { "send_to_key", Valid with { SendToKey = "gTOOshort" } },
        { "send_to_key", Valid with { SendToKey = TestKeys.Group + "X" } },
        { "send_to_key", Valid with { SendToKey = TestKeys.User } },                       // user key for a group
        { "send_to_key", Valid with { Type = PushNotifiRecipientType.User, SendToKey = TestKeys.Group } },
        { "send_to_key", Valid with { Type = PushNotifiRecipientType.User } },             // a user must be named
        { "send_to_key", Valid with { SendToKey = "gFAKEgroupKEYforTESTS0000000000!" } },
        { "message", Valid with { Message = "" } },
        { "message", Valid with { Message = " \t\n" } },
        { "message", Valid with { Message = new string('m', 1025) } },
        { "title", Valid with { Title = new string('t', 251) } },
        { "url", Valid with { Url = "https://example.org/" + new string('u', 493) } },
        { "url", Valid with { Url = "not a url" } },
        { "url_title", Valid with { Url = "https://example.org", UrlTitle = new string('x', 101) } },
        { "url_title", Valid with { UrlTitle = "no url" } },
        { "priority", Valid with { Priority = (PushNotifiPriority)3 } },
        { "priority", Valid with { Priority = (PushNotifiPriority)(-3) } },
        { "ttl", Valid with { Ttl = 0 } },
        { "idempotency_key", Valid with { IdempotencyKey = " " } },
        { "idempotency_key", Valid with { IdempotencyKey = new string('k', 129) } },
        { "application_key", Valid with { ApplicationKey = "" } },
        { "attachment_base64", Valid with { AttachmentBase64 = "not base64!", AttachmentType = "image/png" } },
        { "attachment_type", Valid with { AttachmentBase64 = "aGVsbG8=" } },
        { "attachment_type", Valid with { AttachmentType = "image/png" } },
        { "type", Valid with { Type = (PushNotifiRecipientType)7 } },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public void Invalid_messages_are_refused_naming_the_field(string field, PushNotifiMessage message)
    {
        var error = Invalid(message);

        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public void Messages_at_every_limit_are_accepted()
    {
        var request = PushNotifiMessageValidator.Validate(
            Valid with
            {
                Message = new string('m', PushNotifiLimits.MessageLength),
                Title = new string('t', PushNotifiLimits.TitleLength),
                Url = "https://example.org/" + new string('u', PushNotifiLimits.UrlLength - 20),
                UrlTitle = new string('x', PushNotifiLimits.UrlTitleLength),
                Priority = PushNotifiPriority.Lowest,
            },
            s_options,
            Redactor.Default);

        Assert.Equal(1024, request.Message.Length);
        Assert.Equal(250, request.Title!.Length);
        Assert.Equal(512, request.Url!.Length);
        Assert.Equal(PushNotifiPriority.Lowest, request.Priority);
    }

    [Fact]
    public void A_group_message_without_a_key_goes_to_the_default_group()
    {
        var request = PushNotifiMessageValidator.Validate(Valid, s_options, Redactor.Default);

        Assert.Equal(TestKeys.Group, request.SendToKey);
        Assert.Equal(PushNotifiRecipientType.Group, request.Type);
    }

    [Fact]
    public void Without_a_default_group_a_group_message_must_name_one()
    {
        var error = Invalid(Valid, new PushNotifiOptions { UserKey = TestKeys.User });

        Assert.Equal("send_to_key", error.Field);
        Assert.Contains("PUSHNOTIFI_GROUP_KEY", error.Message);
    }

    [Fact]
    public void An_invalid_key_is_named_only_by_its_last_four_characters()
    {
        const string secretish = "gSECRETgroupKEYthatISmalformed77";
        var error = Invalid(Valid with { Type = PushNotifiRecipientType.User, SendToKey = secretish });

        Assert.DoesNotContain(secretish, error.ToString());
        Assert.Contains("…ed77", error.Message);
    }

    [Fact]
    public void No_application_key_is_invented()
    {
        var request = PushNotifiMessageValidator.Validate(Valid, s_options, Redactor.Default);
        var json = JsonSerializer.Serialize(request, PushNotifiJsonContext.Default.PushNotifiMessage);

        Assert.Null(request.ApplicationKey);
        Assert.DoesNotContain("application_key", json);
    }

    [Fact]
    public void The_configured_application_key_is_used_when_the_message_names_none()
    {
        var options = TestKeys.Options();
        options.ApplicationKey = TestKeys.Application;

        Assert.Equal(TestKeys.Application, PushNotifiMessageValidator.Validate(Valid, options, Redactor.Default).ApplicationKey);
        Assert.Equal("aOTHERappKEY", PushNotifiMessageValidator.Validate(Valid with { ApplicationKey = "aOTHERappKEY" }, options, Redactor.Default).ApplicationKey);
    }

    [Fact]
    public async Task The_client_validates_before_any_network_call()
    {
        // Port 9 on loopback is closed: a network attempt would fail differently.
        var client = new PushNotifiClient(TestKeys.Options("http://127.0.0.1:9"));

        var error = await Assert.ThrowsAsync<PushNotifiValidationException>(() => client.SendAsync(Valid with { Message = "" }));

        Assert.Equal("message", error.Field);
    }

    [Fact]
    public void Helpers_fill_the_common_cases()
    {
        var toGroup = PushNotifiMessage.ToGroup(TestKeys.Group, "T", "M");
        var toUser = PushNotifiMessage.ToUser(TestKeys.User, "T", "M");

        Assert.Equal((PushNotifiRecipientType.Group, TestKeys.Group, "T", "M"), (toGroup.Type, toGroup.SendToKey, toGroup.Title, toGroup.Message));
        Assert.Equal((PushNotifiRecipientType.User, TestKeys.User, "T", "M"), (toUser.Type, toUser.SendToKey, toUser.Title, toUser.Message));
        Assert.Equal((PushNotifiRecipientType.Group, (string?)null), (Valid.Type, Valid.SendToKey));
    }

    [Fact]
    public void ToString_shows_keys_as_their_last_four_characters()
    {
        var message = PushNotifiMessage.ToUser(TestKeys.Canary, "Title", "Body") with { ApplicationKey = TestKeys.Application };

        var text = message.ToString();

        Assert.DoesNotContain(TestKeys.Canary, text);
        Assert.DoesNotContain(TestKeys.Application, text);
        Assert.Contains("…0042", text);
        Assert.Contains("Title", text);
    }
}
