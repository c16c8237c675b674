using System.Net;
using System.Text;
using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// The places an issued key escaped the hiding at first: a body cut inside the key, the idempotency key, and a key
/// after a <c>/</c> once a restart has forgotten it.
/// </summary>
public class IssuedKeyEdgeTests
{
    [Fact]
    public async Task A_body_cut_by_the_traffic_log_never_keeps_part_of_an_issued_key()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = Fake.Client(sandbox);
        var (_, key) = await ApiKeyTests.CreateAsync(admin, "ci", "send");
        var head = "{\"type\":\"user\",\"send_to_key\":\"" + Fake.UserKey + "\",\"message\":\"";
        // The log keeps RecordedBodyMaxLength characters: this puts its cut 19 characters into the key.
        var padding = new string('x', SandboxLimits.RecordedBodyMaxLength - head.Length - 19) + " ";
        using var sent = await admin.PostJsonAsync("/api/v1/message", head + padding[..^1] + " " + key + "\"}");
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);

        var logged = await admin.GetStringAsync("/sandbox/requests");
        var recorded = sandbox.Requests[^1];

        Assert.True(recorded.BodyTruncated);
        Assert.DoesNotContain(key[..6], logged, StringComparison.Ordinal);
        Assert.DoesNotContain(key[..6], recorded.Body, StringComparison.Ordinal);
        Assert.EndsWith("x ", recorded.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issued_key_sent_as_an_idempotency_key_is_hidden_and_a_retry_is_still_a_duplicate_with_a_data_file()
    {
        using var data = new DataFile();
        string key;
        await using (var sandbox = await data.StartAsync())
        {
            using var admin = Fake.Client(sandbox);
            (_, key) = await ApiKeyTests.CreateAsync(admin, "ci", "send");
            var body = $$"""{"type":"user","send_to_key":"{{Fake.UserKey}}","message":"deploy","idempotency_key":"{{key}}"}""";
            using var first = await admin.PostJsonAsync("/api/v1/message", body);
            using var retry = await admin.PostJsonAsync("/api/v1/message", body);

            Assert.False((await first.JsonAsync()).GetProperty("duplicate").GetBoolean());
            Assert.True((await retry.JsonAsync()).GetProperty("duplicate").GetBoolean());
            Assert.DoesNotContain(key[..8], await admin.GetStringAsync("/sandbox/notifications"), StringComparison.Ordinal);
            Assert.DoesNotContain(key[..8], JsonSerializer.Serialize(sandbox.Notifications), StringComparison.Ordinal);
        }

        var file = string.Concat(Directory.GetFiles(data.Folder).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain(key[..8], file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_issued_before_a_restart_is_known_again_once_it_is_used_even_after_a_slash()
    {
        using var data = new DataFile();
        string key;
        await using (var sandbox = await data.StartAsync())
        {
            using var admin = Fake.Client(sandbox);
            (_, key) = await ApiKeyTests.CreateAsync(admin, "ci", "send");
        }

        await using (var restarted = await data.StartAsync())
        {
            using var client = Fake.Client(restarted, key);
            // After a '/', a key is not matched by the shape rule (it could be part of base64).
            using var sent = await client.PostJsonAsync("/api/v1/message",
                $$"""{"type":"user","send_to_key":"{{Fake.UserKey}}","message":"token in path /{{key}}"}""");
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

            Assert.DoesNotContain(key[..8], await client.GetStringAsync("/sandbox/notifications"), StringComparison.Ordinal);
            Assert.DoesNotContain(key[..8], await client.GetStringAsync("/sandbox/requests"), StringComparison.Ordinal);
        }
    }
}
