using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// A send is one event on the inbox's streams: its <c>notification</c> carries the row of the request that delivered
/// it, since every open stream gets every event. Requests that deliver nothing are still <c>request</c> events.
/// </summary>
public class SendEventTests
{
    [Fact]
    public async Task A_send_is_one_notification_event_carrying_its_request_row()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        using var stream = await SandboxEventStream.OpenAsync(sandbox);

        (await client.SendToGroupAsync("one event")).Dispose();
        var events = await UntilMarkerAsync(client, stream);

        var (name, data) = Assert.Single(events);
        Assert.Equal("notification", name);
        Assert.Equal(("one event", "n_1"), (data.GetProperty("message").GetString(), data.GetProperty("id").GetString()));
        var row = data.GetProperty("request");
        Assert.Equal((1L, "POST", "/api/v1/message", 200, "…" + Fake.UserKey[^4..]), (
            row.GetProperty("sequence").GetInt64(), row.GetProperty("method").GetString(), row.GetProperty("path").GetString(),
            row.GetProperty("statusCode").GetInt32(), row.GetProperty("apiKeyLastFour").GetString()));
        Assert.Equal(sandbox.Requests[0].ReceivedAt, row.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.False(row.TryGetProperty("body", out _));
        Assert.False(row.TryGetProperty("headers", out _));
    }

    [Fact]
    public async Task A_dropped_send_still_shows_its_notification_with_its_request_row()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        using var stream = await SandboxEventStream.OpenAsync(sandbox);
        sandbox.Faults.DropNext(1);

        // The answer never leaves, so the event goes out once the request is over.
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendToGroupAsync("dropped"));
        var events = await UntilMarkerAsync(client, stream);

        var (name, data) = Assert.Single(events);
        Assert.Equal("notification", name);
        Assert.Equal(("dropped", "drop"), (data.GetProperty("message").GetString(), data.GetProperty("request").GetProperty("fault").GetString()));
    }

    [Fact]
    public async Task A_duplicate_send_delivers_nothing_and_is_only_a_request_event()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        (await client.SendToGroupAsync("first", idempotencyKey: "once")).Dispose();
        using var stream = await SandboxEventStream.OpenAsync(sandbox);

        (await client.SendToGroupAsync("retry", idempotencyKey: "once")).Dispose();
        var events = await UntilMarkerAsync(client, stream);

        var (name, data) = Assert.Single(events);
        Assert.Equal(("request", 200), (name, data.GetProperty("statusCode").GetInt32()));
    }

    // Sends a request that delivers nothing (404) and returns the events before its own: all the test's requests made.
    private static async Task<List<(string? Name, JsonElement Data)>> UntilMarkerAsync(HttpClient client, SandboxEventStream stream)
    {
        (await client.GetAsync("/api/v1/marker", TestContext.Current.CancellationToken)).Dispose();
        var events = new List<(string?, JsonElement)>();
        while (true)
        {
            var frame = await stream.NextAsync();
            if (frame.Data.Length == 0)
            {
                continue;
            }

            var data = frame.Json;
            if (frame.Event == "request" && data.GetProperty("path").GetString() == "/api/v1/marker")
            {
                return events;
            }

            events.Add((frame.Event, data));
        }
    }
}
