namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// The shape rule that hides keys the sandbox no longer knows in plain text (issued before a restart): exactly its
/// keys' shape, so ordinary text, hashes, GUIDs and attachments stay as they are.
/// </summary>
public class KeyShapeTests
{
    private static readonly SandboxSecrets Secrets = new(Fake.Options());

    [Theory]
    [InlineData("uSANDBOXkeyISSUEDbeforeRESTART12")]
    [InlineData("token=uSANDBOXkeyISSUEDbeforeRESTART12&x=1")]
    [InlineData("\"uSANDBOXkeyISSUEDbeforeRESTART12\"")]
    [InlineData("key: uSANDBOXkeyISSUEDbeforeRESTART12.")]
    public void A_sandbox_shaped_key_at_word_boundaries_is_hidden(string text)
    {
        var hidden = Secrets.Redact(text);

        Assert.DoesNotContain("uSANDBOXkey", hidden, StringComparison.Ordinal);
        Assert.Contains("…RT12", hidden, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("commit 3f2a9c1d4b5e6f708192a3b4c5d6e7f8091a2b3c")]
    [InlineData("md5 9e107d9d372bb6826bd81d3542a419d6")]
    [InlineData("guid 0f8fad5b-d9cb-469f-a165-70867728950e and 0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("one longer token uSANDBOXkeyISSUEDbeforeRESTART123 and one shorter uSANDBOXkeyISSUEDbeforeRESTART1")]
    [InlineData("Supercalifragilisticexpialidocious")]
    [InlineData("aSANDBOXdefaultAPPLICATIONkey000")]
    public void Ordinary_text_hashes_guids_and_the_default_application_key_stay_as_they_are(string text)
    {
        Assert.Equal(text, Secrets.Redact(text));
    }

    [Fact]
    public void A_base64_attachment_in_a_raw_body_is_not_changed()
    {
        // Random bytes give long base64 runs whose letter-and-digit stretches are cut by '+' and '/'.
        var base64 = Convert.ToBase64String(new Random(17).GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 300_000));
        var body = $$"""{"message":"file","attachment_base64":"{{base64}}","attachment_type":"image/png"}""";

        Assert.Equal(body, Secrets.Redact(body));
    }

    [Fact]
    public void An_attachment_field_is_never_changed_by_the_shape_rule()
    {
        var attachment = "uSANDBOXkeyISSUEDbeforeRESTART12";
        var notification = new CapturedNotification
        {
            Id = "n_1",
            ReceivedAt = DateTimeOffset.UnixEpoch,
            Source = "api",
            Type = "user",
            Message = "m",
            RawBody = "{}",
            Headers = new Dictionary<string, string>(),
            AttachmentBase64 = attachment,
        };

        Assert.Equal(attachment, NotificationView.Redact(Secrets, notification).AttachmentBase64);
    }
}
