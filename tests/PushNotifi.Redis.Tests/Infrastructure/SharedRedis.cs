namespace PushNotifi.Redis.Tests;

/// <summary>One Redis for the tests that do not break it; each test uses its own key prefix.</summary>
public sealed class SharedRedis : IAsyncLifetime
{
    internal RedisServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await RedisServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A key prefix no other test uses.</summary>
    internal static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..8] + ":";
}

[CollectionDefinition(nameof(SharedRedisGroup))]
public sealed class SharedRedisGroup : ICollectionFixture<SharedRedis>;
