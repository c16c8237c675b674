namespace PushNotifi.Testing;

/// <summary>Which Redis-protocol server a test runs against.</summary>
public enum RedisBackend
{
    /// <summary>Microsoft's Garnet, started from tests/PushNotifi.Redis.GarnetHost: needs nothing installed.</summary>
    Garnet,

    /// <summary>A real redis-server from the PATH; its tests skip when there is none.</summary>
    RedisServer,
}

/// <summary>Theory data: every Redis test runs on both servers.</summary>
public static class RedisBackends
{
    public static TheoryData<RedisBackend> All => new(RedisBackend.Garnet, RedisBackend.RedisServer);
}
