using System.Diagnostics;

namespace PushNotifi.Redis.Tests;

[Collection(nameof(SharedRedisGroup))]
public sealed class StormTests(SharedRedis redis, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Failures = 100_000;
    private const int Workers = 4;
    private Sandbox.SandboxServer _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await TestSandbox.StartAsync();

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task A_hundred_thousand_failures_on_one_key_send_one_request_with_the_in_memory_store()
    {
        await using var instance = new Instance(_sandbox, redis: null);
        await StormAsync(instance, "memory");
    }

    [Theory]
    [MemberData(nameof(RedisBackends.All), MemberType = typeof(RedisBackends))]
    public async Task A_hundred_thousand_failures_on_one_key_send_one_request_with_the_redis_store(RedisBackend backend)
    {
        var server = await redis.ServerAsync(backend);
        await using var instance = new Instance(_sandbox, o =>
        {
            o.ConnectionString = server.ConnectionString;
            o.KeyPrefix = SharedRedis.NewPrefix();
        });
        await StormAsync(instance, backend.ToString());
    }

    private async Task StormAsync(Instance instance, string store)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var rethrown = 0;

        // As a busy service fails: several callers at once, all on the same key.
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < Failures / Workers; i++)
            {
                try
                {
                    await instance.Jobs.RunAsync("job-1", CancellationToken.None);
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref rethrown);
                }
            }
        })));

        watch.Stop();
        Assert.Equal(Failures, rethrown);
        output.WriteLine($"{store}: {Failures:N0} failures in {watch.ElapsedMilliseconds} ms, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms, {_sandbox.Requests.Count} request(s)");

        var request = Assert.Single(_sandbox.Requests);
        Assert.Contains("storm:job-1", request.Body, StringComparison.Ordinal);
    }
}
