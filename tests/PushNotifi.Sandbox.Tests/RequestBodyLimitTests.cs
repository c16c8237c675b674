using System.Net;
using System.Text;

namespace PushNotifi.Sandbox.Tests;

/// <summary>Kestrel's body limit: the largest valid send fits, anything past the limit is a recorded 413.</summary>
public class RequestBodyLimitTests
{
    // Just past it: the few bytes Kestrel has not read when it refuses fit in its buffers, so the connection closes
    // cleanly and the client reads the 413.
    private const int PastTheLimit = SandboxLimits.RequestBodyMaxBytes + 1024;

    [Fact]
    public async Task A_body_past_the_limit_with_a_wrong_key_is_a_413_in_the_json_error_shape_and_is_logged_as_413()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox, apiKey: TestKeys.WrongUser);
        // As curl does for a large body: Kestrel refuses by the Content-Length before a byte of it is sent.
        client.DefaultRequestHeaders.ExpectContinue = true;

        using var response = await client.PostAsync("/api/v1/message", new ByteArrayContent(Filled(PastTheLimit)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal(("payload_too_large", "body"), (error.GetProperty("error").GetString(), error.GetProperty("field").GetString()));
        Assert.Contains("8,388,608 bytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var logged = Assert.Single(sandbox.Requests);
        Assert.Equal((413, true), (logged.StatusCode, logged.BodyTruncated));
        Assert.Equal(string.Empty, logged.Body);
    }

    [Fact]
    public async Task A_chunked_body_without_content_length_is_stopped_at_the_limit_too()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var content = new StreamContent(new MemoryStream(Filled(PastTheLimit)));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/message") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var logged = Assert.Single(sandbox.Requests);
        Assert.Equal((413, true, SandboxLimits.RecordedBodyMaxLength), (logged.StatusCode, logged.BodyTruncated, logged.Body.Length));
        Assert.True(logged.BodyLength > SandboxLimits.RecordedBodyMaxLength, $"BodyLength {logged.BodyLength} counts what arrived.");
        Assert.True(logged.BodyLength <= SandboxLimits.RequestBodyMaxBytes, $"BodyLength {logged.BodyLength} stops at the limit.");
    }

    [Fact]
    public async Task The_largest_valid_send_fully_escaped_fits_under_the_limit()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        // A 5 MiB attachment with every '/' of its base64 escaped as "\/" (as some serializers write it), and every text
        // field at its maximum with every character escaped as \uXXXX.
        var bytes = new byte[SandboxLimits.AttachmentMaxBytes];
        new Random(17).NextBytes(bytes);
        var attachment = Convert.ToBase64String(bytes).Replace("/", "\\/", StringComparison.Ordinal);
        static string Escaped(int length) => string.Concat(Enumerable.Repeat("\\u0041", length));
        var body = $$"""
            {"type":"group","send_to_key":"{{Fake.GroupKey}}","message":"{{Escaped(SandboxLimits.MessageMaxLength)}}",
             "title":"{{Escaped(SandboxLimits.TitleMaxLength)}}","priority":1,"url":"https://example.com/{{new string('a', SandboxLimits.UrlMaxLength - 20)}}",
             "url_title":"{{Escaped(SandboxLimits.UrlTitleMaxLength)}}","idempotency_key":"{{Escaped(SandboxLimits.IdempotencyKeyMaxLength)}}",
             "ttl":60,"attachment_base64":"{{attachment}}","attachment_type":"application/octet-stream"}
            """;
        Assert.True(Encoding.UTF8.GetByteCount(body) > 7_000_000, "the body is a worst case, past 7 MB");

        using var response = await client.PostJsonAsync("/api/v1/message", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logged = Assert.Single(sandbox.Requests);
        Assert.Equal((true, body.Length), (logged.BodyTruncated, (int)logged.BodyLength));
        Assert.Equal(SandboxLimits.AttachmentMaxBytes, Convert.FromBase64String(Assert.Single(sandbox.Notifications).AttachmentBase64!).Length);
    }

    private static byte[] Filled(int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)'x');
        return bytes;
    }
}
