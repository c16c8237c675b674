using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Tests.State;

public sealed class InMemoryStateStoreTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_first_claim_wins_until_its_window_ends()
    {
        var store = new InMemoryPushNotifiStateStore(_clock);
        var window = TimeSpan.FromMinutes(5);

        Assert.True(await store.TryClaimAsync("cron:nightly", window));
        Assert.False(await store.TryClaimAsync("cron:nightly", window));
        Assert.True(await store.TryClaimAsync("cron:weekly", window));

        _clock.Advance(window - TimeSpan.FromTicks(1));
        Assert.False(await store.TryClaimAsync("cron:nightly", window));

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(await store.TryClaimAsync("cron:nightly", window));
        Assert.False(await store.TryClaimAsync("cron:nightly", window));
    }

    [Fact]
    public async Task A_counter_counts_within_its_window_and_starts_again_after_it()
    {
        var store = new InMemoryPushNotifiStateStore(_clock);
        var window = TimeSpan.FromMinutes(1);

        Assert.Equal(1, await store.IncrementAsync("rate:stripe:503", window));
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(2, await store.IncrementAsync("rate:stripe:503", window));
        Assert.Equal(1, await store.IncrementAsync("rate:stripe:429", window));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await store.IncrementAsync("rate:stripe:503", window));
    }

    [Fact]
    public async Task A_claim_and_a_counter_of_the_same_name_are_separate()
    {
        var store = new InMemoryPushNotifiStateStore(_clock);

        Assert.Equal(1, await store.IncrementAsync("same", TimeSpan.FromMinutes(1)));
        Assert.True(await store.TryClaimAsync("same", TimeSpan.FromMinutes(1)));
        Assert.Equal(2, await store.IncrementAsync("same", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_key_have_exactly_one_winner_and_concurrent_increments_are_all_counted()
    {
        var store = new InMemoryPushNotifiStateStore(_clock);
        var winners = 0;
        using var start = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            for (var i = 0; i < 10_000; i++)
            {
                if (await store.TryClaimAsync("storm", TimeSpan.FromMinutes(1)))
                {
                    Interlocked.Increment(ref winners);
                }

                await store.IncrementAsync("errors", TimeSpan.FromMinutes(1));
            }
        })).ToArray();

        start.Set();
        await Task.WhenAll(workers);

        Assert.Equal(1, winners);
        Assert.Equal(80_001, await store.IncrementAsync("errors", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_full_store_forgets_expired_keys_before_live_ones()
    {
        var store = new InMemoryPushNotifiStateStore(_clock, maxKeys: 100);
        Assert.True(await store.TryClaimAsync("long-lived", TimeSpan.FromHours(1)));
        for (var i = 0; i < 99; i++)
        {
            await store.TryClaimAsync("short:" + i, TimeSpan.FromSeconds(1));
        }

        _clock.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 50; i++)
        {
            await store.TryClaimAsync("new:" + i, TimeSpan.FromHours(1));
        }

        Assert.False(await store.TryClaimAsync("long-lived", TimeSpan.FromHours(1)));
        Assert.True(store.Count <= store.MaxKeys);
    }

    [Fact]
    public async Task A_window_that_is_not_positive_is_refused()
    {
        var store = new InMemoryPushNotifiStateStore(_clock);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.TryClaimAsync("k", TimeSpan.Zero).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.IncrementAsync("k", TimeSpan.FromSeconds(-1)).AsTask());
    }
}

/// <summary>
/// The bound as a count. What a million keys past it add to the heap is a figure, not a test (the heap is the whole
/// test process's): <c>--test-kit</c> in bench/ measures it (docs/benchmarks.md).
/// </summary>
public sealed class InMemoryStateStoreBoundTests
{
    [Fact]
    public async Task A_million_distinct_keys_leave_the_store_at_its_bound()
    {
        var store = new InMemoryPushNotifiStateStore(new FakeTimeProvider(), maxKeys: 10_000);
        var window = TimeSpan.FromHours(1);
        var peak = 0;

        for (var i = 0; i < 1_000_000; i++)
        {
            Assert.True(await store.TryClaimAsync("key:" + i, window));
            peak = Math.Max(peak, store.Count);
        }

        // A sweep runs on one thread at a time, so the single-threaded peak is the bound plus the key that triggered it.
        Assert.True(peak <= store.MaxKeys + 1, $"peak {peak} keys");
        Assert.True(store.Count <= store.MaxKeys, $"{store.Count} keys left");
    }
}
