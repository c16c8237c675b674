using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

public class EventStreamTests
{
    [Fact]
    public async Task Stream_pushes_deliveries_acks_requests_and_clears_with_keys_as_last_four()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await OpenAsync(sandbox, bound.Token);
        await using var events = SseParser.Create(await stream.Content.ReadAsStreamAsync(bound.Token)).EnumerateAsync(bound.Token).GetAsyncEnumerator(bound.Token);

        var alertId = await client.SendAlertAsync("yes_no", message: $"key {Fake.UserKey}");
        var delivered = await NextAsync(events, "notification");
        (await client.AckAsync(alertId, """{"device_id":"phone-1","response":"No","comment":"later"}""")).Dispose();
        var acked = await NextAsync(events, "ack");
        var request = await NextAsync(events, "request");
        (await client.DeleteAsync("/sandbox/notifications")).Dispose();
        var cleared = await NextAsync(events, "cleared");

        Assert.Equal((alertId, false, "key " + TestKeys.LastFour(Fake.UserKey)), (delivered.GetProperty("alertId").GetString(), delivered.GetProperty("acked").GetBoolean(), delivered.GetProperty("message").GetString()));
        Assert.Equal(TestKeys.LastFour(Fake.GroupKey), delivered.GetProperty("sendToKey").GetString());
        Assert.Equal((true, "phone-1", "No", "later"), (
            acked.GetProperty("acked").GetBoolean(), acked.GetProperty("ackedByDeviceId").GetString(),
            acked.GetProperty("response").GetString(), acked.GetProperty("comment").GetString()));
        Assert.StartsWith("/api/v1/", request.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, cleared.ValueKind);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_client_that_leaves_is_unsubscribed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = await OpenAsync(sandbox, bound.Token);

        stream.Dispose();

        await Eventually.TrueAsync(() => sandbox.State.Events.SubscriberCount == 0, "the stream's subscription is gone");
    }

    [Fact]
    public async Task Dispose_does_not_wait_for_open_streams_and_ends_them()
    {
        var sandbox = await TestSandbox.StartAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await OpenAsync(sandbox, bound.Token);
        using var second = await OpenAsync(sandbox, bound.Token);
        var body = await stream.Content.ReadAsStreamAsync(bound.Token);

        var watch = Stopwatch.StartNew();
        await sandbox.DisposeAsync();
        watch.Stop();

        // The host would wait its 2 s shutdown timeout for a stream that ignored the stop.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"Dispose took {watch.Elapsed}.");
        var rest = await ReadToEndOrBreakAsync(body, bound.Token);
        Assert.DoesNotContain("event:", rest, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> OpenAsync(SandboxServer sandbox, CancellationToken ct)
    {
        var before = sandbox.State.Events.SubscriberCount;
        using var client = Fake.Client(sandbox, apiKey: null);
        client.Timeout = Timeout.InfiniteTimeSpan;
        var response = await client.GetAsync("/sandbox/events", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => sandbox.State.Events.SubscriberCount > before, "the stream is subscribed");
        return response;
    }

    private static async Task<JsonElement> NextAsync(IAsyncEnumerator<SseItem<string>> events, string name)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current.EventType == name)
            {
                return JsonDocument.Parse(events.Current.Data).RootElement.Clone();
            }
        }

        throw new InvalidOperationException($"The stream ended before a '{name}' event.");
    }

    private static async Task<string> ReadToEndOrBreakAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body);
        try
        {
            return await reader.ReadToEndAsync(ct);
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }
}
