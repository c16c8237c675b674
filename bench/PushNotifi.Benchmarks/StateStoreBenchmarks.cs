using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace PushNotifi.Benchmarks;

/// <summary>
/// The claim path of the in-memory <see cref="IPushNotifiStateStore"/>: a claim refused because the key is taken (what
/// every failure of a storm after the first costs), a claim that wins (a new key, or one whose window ended), and an
/// increment of a live counter (the error-rate recipe's hot path).
/// </summary>
[MemoryDiagnoser]
public class StateStoreBenchmarks
{
    // More keys than the store keeps (100,000), so the winning claims also pay for the sweeps that keep it bounded.
    private const int KeyCount = 1 << 18;

    private readonly TimeSpan _window = TimeSpan.FromMinutes(5);
    private InMemoryPushNotifiStateStore _store = null!;
    private string[] _keys = null!;
    private int _next;

    /// <summary>Creates the store, claims the taken key and starts the live counter.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _store = new InMemoryPushNotifiStateStore();
        _keys = Enumerable.Range(0, KeyCount).Select(i => "alert:job:" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (!Done(_store.TryClaimAsync("alert:storm:job-1", _window)) || Done(_store.TryClaimAsync("alert:storm:job-1", _window)))
        {
            throw new InvalidOperationException("The first claim must win and the second lose.");
        }

        Done(_store.IncrementAsync("rate:stripe:503", _window));
    }

    /// <summary>A claim of a key that is already claimed: refused.</summary>
    [Benchmark(Baseline = true)]
    public bool ClaimTaken() => Done(_store.TryClaimAsync("alert:storm:job-1", _window));

    /// <summary>
    /// A claim that wins: keys in turn out of 262,144, each claimed for one tick, so it has expired (or been swept to
    /// keep the store under 100,000 keys) by the time it comes round again.
    /// </summary>
    [Benchmark]
    public bool ClaimWins()
    {
        var key = _keys[_next++ & (KeyCount - 1)];
        return Done(_store.TryClaimAsync(key, TimeSpan.FromTicks(1)));
    }

    /// <summary>One more error on a live counter.</summary>
    [Benchmark]
    public long IncrementLive() => Done(_store.IncrementAsync("rate:stripe:503", _window));

    // As the wrapper reads a claim: the in-memory store always completes at once.
    private static T Done<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("The in-memory store completed asynchronously.");
}
