using System.Text;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// How <see cref="SandboxEvents"/> paces the streams: publishing only appends, what arrives within a flush interval
/// goes to every stream as one shared batch, and quiet streams get keep-alives from one timer.
/// </summary>
public class EventBatchingTests
{
    // Long enough that no flush is due within a test: only a flood (a queue's worth of events) sends a batch early.
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Fact]
    public async Task Events_within_a_flush_interval_wait_and_then_reach_every_stream_as_one_shared_batch()
    {
        using var events = new SandboxEvents(new SandboxSecrets(Fake.Options()), flushInterval: Never, keepAliveInterval: Never);
        using var first = events.Subscribe(lastEventId: null);
        using var second = events.Subscribe(lastEventId: null);
        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        var opening = await NextAsync(first);
        await NextAsync(second);

        // The stream was idle: the first event left at once. The next ones wait for the interval, or a queue's worth.
        for (var i = 0; i < SandboxLimits.EventQueueLength - 1; i++)
        {
            events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        }

        var waitedBeforeTheLast = first.TryRead(out _);
        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        var batch = await NextAsync(first);
        var same = await NextAsync(second);

        Assert.Equal(1, opening.Count);
        Assert.False(waitedBeforeTheLast, "no batch before the interval or a full queue");
        Assert.Equal(SandboxLimits.EventQueueLength, batch.Count);
        Assert.Same(batch.Frames, same.Frames);
        var text = Text(batch);
        Assert.StartsWith("id: 2\nevent: cleared\n", text, StringComparison.Ordinal);
        Assert.EndsWith($"id: {SandboxLimits.EventQueueLength + 1}\nevent: cleared\ndata: {{}}\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_subscribed_while_events_wait_for_the_batch_gets_them_once_from_the_batch()
    {
        using var events = new SandboxEvents(new SandboxSecrets(Fake.Options()), flushInterval: Never, keepAliveInterval: Never);
        using var early = events.Subscribe(lastEventId: null);
        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        await NextAsync(early);
        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));

        using var late = events.Subscribe(lastEventId: null);
        using var reconnected = events.Subscribe(lastEventId: 1);
        for (var i = 0; i < SandboxLimits.EventQueueLength - 1; i++)
        {
            events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        }

        var batch = await NextAsync(late);

        // Event 2 was waiting: the new stream starts after event 1 and gets 2 in the batch, not also in its replay.
        Assert.Equal((1L, 0, false), (late.LastId, late.Missed.Count, late.MustReload));
        Assert.Equal((0, false), (reconnected.Missed.Count, reconnected.MustReload));
        Assert.StartsWith("id: 2\n", Text(batch), StringComparison.Ordinal);
        Assert.Same(batch.Frames, (await NextAsync(reconnected)).Frames);
    }

    [Fact]
    public async Task A_stream_that_opens_after_the_others_left_starts_after_what_was_waiting_for_them()
    {
        using var events = new SandboxEvents(new SandboxSecrets(Fake.Options()), flushInterval: Never, keepAliveInterval: Never);
        using (var gone = events.Subscribe(lastEventId: null))
        {
            events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
            await NextAsync(gone);
            events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        }

        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        using var next = events.Subscribe(lastEventId: null);
        for (var i = 0; i < SandboxLimits.EventQueueLength; i++)
        {
            events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        }

        var batch = await NextAsync(next);

        Assert.Equal(3, next.LastId);
        Assert.StartsWith("id: 4\n", Text(batch), StringComparison.Ordinal);
        Assert.Equal(SandboxLimits.EventQueueLength, batch.Count);
    }

    [Fact]
    public async Task Many_streams_each_get_every_event_once_and_in_order_while_batches_are_handed_out_a_few_streams_at_a_time()
    {
        using var events = new SandboxEvents(new SandboxSecrets(Fake.Options()), flushInterval: TimeSpan.FromMilliseconds(1), keepAliveInterval: Never);
        var streams = Enumerable.Range(0, 100).Select(_ => events.Subscribe(lastEventId: null)).ToArray();
        const int Published = 300;

        for (var i = 0; i < Published; i++)
        {
            events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
            if (i % 10 == 0)
            {
                await Task.Delay(1);
            }
        }

        var expected = string.Join(",", Enumerable.Range(1, Published));
        foreach (var stream in streams)
        {
            var ids = new List<string>();
            while (ids.Count < Published)
            {
                var text = Text(await NextAsync(stream));
                ids.AddRange(text.Split('\n').Where(l => l.StartsWith("id: ", StringComparison.Ordinal)).Select(l => l[4..]));
            }

            Assert.Equal(expected, string.Join(",", ids));
            stream.Dispose();
        }
    }

    [Fact]
    public async Task A_burst_of_cards_reaches_the_streams_as_a_gap_and_its_latest_cards_while_every_ack_and_clear_still_goes()
    {
        using var events = new SandboxEvents(new SandboxSecrets(Fake.Options()), flushInterval: Never, keepAliveInterval: Never);
        using var stream = events.Subscribe(lastEventId: null);
        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        await NextAsync(stream);

        // Ids 2..1025: cards and request rows, one ack early in the burst (id 102) and a clear at the end. A queue's
        // worth sends the batch at once.
        for (var i = 0; i < SandboxLimits.EventQueueLength - 1; i++)
        {
            events.Publish(new SandboxEvent(i == 100 ? SandboxEvent.Acked : i % 2 == 0 ? SandboxEvent.Delivered : SandboxEvent.Handled, null));
        }

        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        var batch = await NextAsync(stream);

        var lines = Text(batch).Split('\n');
        var ids = lines.Where(l => l.StartsWith("id: ", StringComparison.Ordinal)).Select(l => long.Parse(l[4..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var cards = SandboxLimits.EventQueueLength - 2;
        Assert.Equal($"event: gap\ndata: {{\"skipped\":{cards - SandboxLimits.EventBurstLength}}}\n\n", Encoding.UTF8.GetString(batch.Frames[0].Bytes));
        Assert.Equal(SandboxLimits.EventBurstLength + 2, batch.Count);
        Assert.Equal([102L, .. Enumerable.Range(1025 - SandboxLimits.EventBurstLength, SandboxLimits.EventBurstLength).Select(i => (long)i), 1025L], ids);
        Assert.Equal(1, lines.Count(l => l == "event: ack"));
        Assert.Equal("event: cleared", lines.Last(l => l.StartsWith("event: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_burst_no_longer_than_a_page_of_cards_reaches_the_streams_whole()
    {
        using var events = new SandboxEvents(new SandboxSecrets(Fake.Options()), flushInterval: Never, keepAliveInterval: Never);
        using var stream = events.Subscribe(lastEventId: null);
        events.Publish(new SandboxEvent(SandboxEvent.Cleared, null));
        await NextAsync(stream);

        for (var i = 0; i < SandboxLimits.EventQueueLength; i++)
        {
            events.Publish(new SandboxEvent(i < SandboxLimits.EventBurstLength ? SandboxEvent.Delivered : SandboxEvent.Acked, null));
        }

        var batch = await NextAsync(stream);

        Assert.Equal(SandboxLimits.EventQueueLength, batch.Count);
        Assert.DoesNotContain("event: gap", Text(batch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_streams_get_a_keep_alive_comment()
    {
        using var events = new SandboxEvents(new SandboxSecrets(Fake.Options()), keepAliveInterval: TimeSpan.FromMilliseconds(50));
        using var stream = events.Subscribe(lastEventId: null);

        var batch = await NextAsync(stream);

        Assert.Equal((0, ": keep-alive\n\n"), (batch.Count, Text(batch)));
    }

    private static string Text(EventBatch batch) => string.Concat(batch.Frames.Select(f => Encoding.UTF8.GetString(f.Bytes)));

    private static async Task<EventBatch> NextAsync(SandboxEvents.Subscription subscription)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await subscription.WaitToReadAsync(bound.Token))
        {
            if (subscription.TryRead(out var batch))
            {
                return batch;
            }
        }

        throw new InvalidOperationException("The subscription ended.");
    }
}
