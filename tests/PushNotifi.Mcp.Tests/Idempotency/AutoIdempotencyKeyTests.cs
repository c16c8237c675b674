using PushNotifi.Mcp.Idempotency;

namespace PushNotifi.Mcp.Tests.Idempotency;

/// <summary>
/// The automatic key against vectors computed by hand from the documented algorithm, outside .NET:
/// <c>python3 -c 'import hashlib; print(hashlib.sha256(TEXT.encode()).hexdigest()[:16])'</c> over each canonical text
/// written out as JavaScript's JSON.stringify would write it.
/// </summary>
public class AutoIdempotencyKeyTests
{
    public static TheoryData<string, string, string, string?, long?, string?, string?, string, string> Vectors => new()
    {
        {
            "group", TestKeys.FixedGroup, "m", null, null, null, null,
            $$"""{"message":"m","priority":null,"send_to_key":"{{TestKeys.FixedGroup}}","title":null,"type":"group","url":null,"url_title":null}""",
            "mcp:846391cc3d28b5a9"
        },
        {
            "group", TestKeys.FixedGroup, "Disk full on db-1", "Ops", 1, "https://status.example.com/db-1", "Status",
            $$"""{"message":"Disk full on db-1","priority":1,"send_to_key":"{{TestKeys.FixedGroup}}","title":"Ops","type":"group","url":"https://status.example.com/db-1","url_title":"Status"}""",
            "mcp:95fc70b67e9e2cd7"
        },
        {
            // Quotes, backslash and control characters escaped; non-ASCII and HTML characters left as they are.
            "user", TestKeys.FixedUser, "Line one\nLine \"two\" \\ tab\tend", "Café ✓ <b>&</b>", -2, null, null,
            $$"""{"message":"Line one\nLine \"two\" \\ tab\tend","priority":-2,"send_to_key":"{{TestKeys.FixedUser}}","title":"Café ✓ <b>&</b>","type":"user","url":null,"url_title":null}""",
            "mcp:9ead91b1192cc0cc"
        },
        {
            // Other control characters as lowercase \u00xx; a surrogate pair (an emoji) as its UTF-8 bytes.
            "group", TestKeys.FixedGroup, "bell\u0007 and \u001f", "🚀 launch", 0, null, null,
            $$"""{"message":"bell\u0007 and \u001f","priority":0,"send_to_key":"{{TestKeys.FixedGroup}}","title":"🚀 launch","type":"group","url":null,"url_title":null}""",
            "mcp:7d74ea38e9fba84b"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_canonical_text_and_the_key_match_the_hand_computed_vectors(
        string type, string sendToKey, string message, string? title, long? priority, string? url, string? urlTitle, string canonical, string key)
    {
        Assert.Equal(canonical, AutoIdempotencyKey.Canonical(type, sendToKey, message, title, priority, url, urlTitle));
        Assert.Equal(key, AutoIdempotencyKey.For(type, sendToKey, message, title, priority, url, urlTitle));
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_as_JSON_stringify_does()
    {
        var text = AutoIdempotencyKey.Canonical("group", TestKeys.FixedGroup, "a\ud800b", null, null, null, null);

        Assert.StartsWith("""{"message":"a\ud800b",""", text);
    }

    [Fact]
    public async Task A_send_without_a_key_carries_the_vector_key_to_the_API_and_a_retried_call_is_delivered_once()
    {
        // The vector was computed with the fixed group key.
        await using var mcp = await McpHarness.StartAsync(groupKey: TestKeys.FixedGroup);

        var first = (await mcp.CallAsync("pushnotifi_send", """{"message":"m"}""")).Ok();
        var again = (await mcp.CallAsync("pushnotifi_send", """{"message":"m"}""")).Ok();

        Assert.Equal("mcp:846391cc3d28b5a9", (string?)first["idempotency_key"]);
        Assert.Equal("mcp:846391cc3d28b5a9", (string?)again["idempotency_key"]);
        var delivered = Assert.Single(mcp.Sandbox.Notifications);
        Assert.Equal("mcp:846391cc3d28b5a9", delivered.IdempotencyKey);
    }

    [Fact]
    public async Task A_key_given_by_the_caller_is_used_as_it_is()
    {
        await using var mcp = await McpHarness.StartAsync();

        var result = (await mcp.CallAsync("pushnotifi_send", """{"message":"m","idempotency_key":"deploy-42"}""")).Ok();

        Assert.Equal("deploy-42", (string?)result["idempotency_key"]);
        Assert.Equal("deploy-42", Assert.Single(mcp.Sandbox.Notifications).IdempotencyKey);
    }
}
