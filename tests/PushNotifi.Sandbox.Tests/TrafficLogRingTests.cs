using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

/// <summary>The traffic log is a ring of bounded entries: whatever comes in, it keeps the newest requests, each cut short.</summary>
public class TrafficLogRingTests
{
    [Fact]
    public async Task The_log_keeps_only_the_newest_MaxRequests_requests()
    {
        var options = Fake.Options();
        options.MaxRequests = 3;
        await using var sandbox = await SandboxServer.StartAsync(options);
        using var client = Fake.Client(sandbox);

        for (var i = 1; i <= 5; i++)
        {
            (await client.SendToGroupAsync($"send {i}")).Dispose();
        }

        var listed = await client.GetFromJsonAsync<JsonElement>("/sandbox/requests");
        Assert.Equal([3L, 4L, 5L], sandbox.Requests.Select(r => r.Sequence));
        Assert.Equal([3L, 4L, 5L], listed.EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task A_long_body_with_a_wrong_key_keeps_only_its_prefix_and_says_it_was_cut()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var wrong = Fake.Client(sandbox, apiKey: TestKeys.WrongUser);
        var message = new string('m', 1_000_000);

        using var refused = await wrong.SendToGroupAsync(message);
        using var shortOne = await Fake.Client(sandbox).SendToGroupAsync("short");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var (cut, whole) = (sandbox.Requests[0], sandbox.Requests[1]);
        Assert.Equal((true, SandboxLimits.RecordedBodyMaxLength), (cut.BodyTruncated, cut.Body.Length));
        Assert.True(cut.BodyLength > 1_000_000, $"BodyLength {cut.BodyLength} is the whole body's.");
        Assert.Equal((false, whole.Body.Length), (whole.BodyTruncated, (int)whole.BodyLength));
        var listed = (await Fake.Client(sandbox).GetFromJsonAsync<JsonElement>("/sandbox/requests"))[0];
        Assert.Equal((true, cut.BodyLength), (listed.GetProperty("bodyTruncated").GetBoolean(), listed.GetProperty("bodyLength").GetInt64()));
        Assert.StartsWith($$"""{"type":"group","send_to_key":"{{TestKeys.LastFour(Fake.GroupKey)}}","message":"mmm""", listed.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_page_back_with_limit_and_before()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        for (var i = 1; i <= 5; i++)
        {
            (await client.SendToGroupAsync($"send {i}")).Dispose();
        }

        var latest = await client.GetFromJsonAsync<JsonElement>("/sandbox/requests?limit=2");
        var older = await client.GetFromJsonAsync<JsonElement>("/sandbox/requests?limit=2&before=4");
        using var invalid = await client.GetAsync("/sandbox/requests?limit=0");

        Assert.Equal([4L, 5L], latest.EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));
        Assert.Equal([2L, 3L], older.EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("limit", (await invalid.JsonAsync()).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(nameof(SandboxOptions.MaxRequests))]
    [InlineData(nameof(SandboxOptions.MaxNotifications))]
    public async Task A_cap_below_one_is_refused_at_start_naming_the_option(string option)
    {
        var options = Fake.Options();
        if (option == nameof(SandboxOptions.MaxRequests))
        {
            options.MaxRequests = 0;
        }
        else
        {
            options.MaxNotifications = 0;
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxServer.StartAsync(options));

        Assert.Contains("SandboxOptions." + option, error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 1", error.Message, StringComparison.Ordinal);
    }
}
