using System.Collections.Concurrent;

namespace PushNotifi.Redis.Tests;

/// <summary>One server of each backend for the tests that do not break it, started on first use; each test uses its own key prefix.</summary>
public sealed class SharedRedis : IAsyncLifetime
{
    private readonly ConcurrentDictionary<RedisBackend, Lazy<Task<RedisServer>>> _servers = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>The shared server of <paramref name="backend"/> (the test skips when redis-server is not installed).</summary>
    internal Task<RedisServer> ServerAsync(RedisBackend backend) =>
        _servers.GetOrAdd(backend, b => new Lazy<Task<RedisServer>>(() => RedisServer.StartAsync(b))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values.Where(s => s.IsValueCreated))
        {
            if (server.Value.IsCompletedSuccessfully)
            {
                await server.Value.Result.DisposeAsync();
            }
        }
    }

    /// <summary>A key prefix no other test uses.</summary>
    internal static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..8] + ":";
}

/// <summary>
/// The tests on the shared servers, one class after another (beside the fault tests, which start their own): the
/// storm and the three-app tests each keep both cores busy, and the store's calls run under a short operation
/// timeout, which a busier machine turns into fail-open paths the assertions do not expect.
/// </summary>
[CollectionDefinition(nameof(SharedRedisGroup))]
public sealed class SharedRedisGroup : ICollectionFixture<SharedRedis>;
