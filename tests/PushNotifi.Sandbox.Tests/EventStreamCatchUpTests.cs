using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// The raw event stream over HTTP: numbered events without bodies, a reconnect that catches up from
/// <c>Last-Event-ID</c>, a reload when that is too old, and a stream that stops reading is closed.
/// </summary>
public class EventStreamCatchUpTests
{
    [Fact]
    public async Task Events_have_increasing_ids_and_carry_no_bodies_or_headers()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        using var stream = await SandboxEventStream.OpenAsync(sandbox);

        (await client.PostJsonAsync("/api/v1/message",
            $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"with a picture","attachment_base64":"aGVsbG8=","attachment_type":"text/plain"}""")).Dispose();
        (await client.PostJsonAsync("/api/v1/message", """{"message":"no recipient"}""")).Dispose();
        var hello = await stream.NextAsync();
        var delivered = await stream.NextAsync();
        var request = await stream.NextAsync();

        Assert.Equal((null, "0"), (hello.Event, hello.Id));
        Assert.Equal(("notification", "1"), (delivered.Event, delivered.Id));
        Assert.Equal(("request", "2"), (request.Event, request.Id));
        var notification = JsonDocument.Parse(delivered.Data).RootElement;
        Assert.Equal(("with a picture", "text/plain"), (notification.GetProperty("message").GetString(), notification.GetProperty("attachmentType").GetString()));
        Assert.False(notification.TryGetProperty("attachmentBase64", out _));
        Assert.False(notification.TryGetProperty("rawBody", out _));
        Assert.False(notification.TryGetProperty("headers", out _));
        var logged = JsonDocument.Parse(request.Data).RootElement;
        Assert.Equal(400, logged.GetProperty("statusCode").GetInt32());
        Assert.False(logged.TryGetProperty("body", out _));
        Assert.False(logged.TryGetProperty("headers", out _));
    }

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID_gets_exactly_the_events_it_missed_in_order()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        string lastSeen;
        using (var first = await SandboxEventStream.OpenAsync(sandbox))
        {
            (await client.SendToGroupAsync("seen")).Dispose();
            await first.NextAsync();
            lastSeen = (await first.NextAsync()).Id!;
        }

        await Eventually.TrueAsync(() => sandbox.State.Events.SubscriberCount == 0, "the first stream is gone");
        (await client.SendToGroupAsync("missed 1")).Dispose();
        (await client.SendToGroupAsync("missed 2")).Dispose();
        using var second = await SandboxEventStream.OpenAsync(sandbox, lastSeen);
        var hello = await second.NextAsync();
        var caughtUp = new List<SandboxEventStream.Frame>();
        for (var i = 0; i < 2; i++)
        {
            caughtUp.Add(await second.NextAsync());
        }

        Assert.Equal("1", lastSeen);
        Assert.Equal((null, null), (hello.Event, hello.Id));
        Assert.Equal(["2", "3"], caughtUp.Select(f => f.Id));
        Assert.Equal(["notification", "notification"], caughtUp.Select(f => f.Event));
        Assert.Equal("missed 1", JsonDocument.Parse(caughtUp[0].Data).RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("999999")]
    public async Task A_Last_Event_ID_older_than_the_replay_buffer_or_from_another_run_is_told_to_reload(string lastEventId)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        for (var i = 0; i < SandboxLimits.EventReplayLength + 10; i++)
        {
            sandbox.State.Events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        }

        using var stream = await SandboxEventStream.OpenAsync(sandbox, lastEventId);
        var first = await stream.NextAsync();

        Assert.Equal(("reload", (SandboxLimits.EventReplayLength + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)), (first.Event, first.Id));
    }

    [Fact]
    public async Task A_stream_that_stops_reading_is_dropped_and_its_connection_closed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var stalled = await SandboxEventStream.OpenAsync(sandbox);

        // Nothing reads: the socket buffers fill, then the stream's queue, then the stream is dropped.
        var published = 0;
        while (sandbox.State.Events.SubscriberCount > 0 && published < 5_000_000)
        {
            sandbox.State.Events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
            published++;
        }

        Assert.Equal(0, sandbox.State.Events.SubscriberCount);
        Assert.True(await stalled.ReadsToTheEndAsync(), "the dropped stream's connection ends");
    }

    [Fact]
    public async Task Every_stream_gets_the_same_serialized_frame()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var first = sandbox.State.Events.Subscribe(lastEventId: null);
        using var second = sandbox.State.Events.Subscribe(lastEventId: null);
        using var client = Fake.Client(sandbox);

        (await client.SendToGroupAsync("once")).Dispose();

        EventBatch? a = null, b = null;
        await Eventually.TrueAsync(() => (a ??= Read(first)) is not null && (b ??= Read(second)) is not null, "both streams have the send's events");
        Assert.Same(a!.Frames, b!.Frames);
    }

    private static EventBatch? Read(SandboxEvents.Subscription subscription) => subscription.TryRead(out var batch) ? batch : null;
}
