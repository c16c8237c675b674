using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

public class EventStreamTests
{
    [Fact]
    public async Task Stream_pushes_deliveries_acks_requests_and_clears_with_keys_as_last_four()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        using var events = await SandboxEventStream.OpenAsync(sandbox);

        var alertId = await client.SendAlertAsync("yes_no", message: $"key {Fake.UserKey}");
        var delivered = await events.NextAsync("notification");
        (await client.AckAsync(alertId, """{"device_id":"phone-1","response":"No","comment":"later"}""")).Dispose();
        var acked = await events.NextAsync("ack");
        var request = await events.NextAsync("request");
        (await client.DeleteAsync("/sandbox/notifications")).Dispose();
        var cleared = await events.NextAsync("cleared");

        Assert.Equal((alertId, false, "key " + TestKeys.LastFour(Fake.UserKey)), (delivered.GetProperty("alertId").GetString(), delivered.GetProperty("acked").GetBoolean(), delivered.GetProperty("message").GetString()));
        Assert.Equal(TestKeys.LastFour(Fake.GroupKey), delivered.GetProperty("sendToKey").GetString());
        Assert.Equal((true, "phone-1", "No", "later"), (
            acked.GetProperty("acked").GetBoolean(), acked.GetProperty("ackedByDeviceId").GetString(),
            acked.GetProperty("response").GetString(), acked.GetProperty("comment").GetString()));
        Assert.StartsWith("/api/v1/", request.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, cleared.ValueKind);
        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_client_that_leaves_is_unsubscribed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var stream = await SandboxEventStream.OpenAsync(sandbox);

        stream.Dispose();

        await Eventually.TrueAsync(() => sandbox.State.Events.SubscriberCount == 0, "the stream's subscription is gone");
    }

    [Fact]
    public async Task Dispose_does_not_wait_for_open_streams_and_ends_them()
    {
        var sandbox = await TestSandbox.StartAsync();
        using var stream = await SandboxEventStream.OpenAsync(sandbox);
        using var second = await SandboxEventStream.OpenAsync(sandbox);

        // A hang guard only; how long Dispose takes is a figure (bench/, --test-kit).
        await sandbox.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        // A stream that ignored the stop would be cut off by the host at its shutdown timeout, and the read would
        // break; one the sandbox ended on the stop ends cleanly, with no event after it.
        var rest = await stream.RestAsync();
        Assert.DoesNotContain("event:", rest, StringComparison.Ordinal);
    }
}
