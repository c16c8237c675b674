using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PushNotifi.Redis;
using StackExchange.Redis;

namespace PushNotifi;

/// <summary>Shares PushNotifi's alert state between instances through Redis.</summary>
public static class PushNotifiRedisServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the in-memory <see cref="IPushNotifiStateStore"/> with Redis and makes
    /// <see cref="PushNotifiOptions.RateLimitPerMinute"/> one limit across every instance. Call it beside
    /// <c>AddPushNotifi</c>, in either order. When Redis is down or slow, every call goes on with this process's
    /// memory within the operation timeout, logs once per outage, and never throws.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">A StackExchange.Redis connection string, e.g. <c>localhost:6379</c>.</param>
    /// <param name="keyPrefix">Put before every key, so several apps can share one Redis.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPushNotifiRedis(this IServiceCollection services, string connectionString, string keyPrefix = PushNotifiRedisOptions.DefaultKeyPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddPushNotifiRedis(o =>
        {
            o.ConnectionString = connectionString;
            o.KeyPrefix = keyPrefix;
        });
    }

    /// <summary>
    /// Like <see cref="AddPushNotifiRedis(IServiceCollection, string, string)"/>, on a connection the app already has
    /// (and keeps ownership of).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connection">The connection to share.</param>
    /// <param name="keyPrefix">Put before every key, so several apps can share one Redis.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPushNotifiRedis(this IServiceCollection services, IConnectionMultiplexer connection, string keyPrefix = PushNotifiRedisOptions.DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return services.AddPushNotifiRedis(o =>
        {
            o.Connection = connection;
            o.KeyPrefix = keyPrefix;
        });
    }

    /// <summary>
    /// Like <see cref="AddPushNotifiRedis(IServiceCollection, string, string)"/>, with every setting, including the
    /// operation timeout and the retry interval during an outage.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the connection (string or multiplexer) and the rest.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPushNotifiRedis(this IServiceCollection services, Action<PushNotifiRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PushNotifiRedisOptions();
        configure(options);
        Validate(options);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(_ => new RedisConnection(options));
        services.AddSingleton(sp => new RedisOutage(
            sp.GetRequiredService<TimeProvider>(),
            options.RetryInterval,
            sp.GetService<ILoggerFactory>()?.CreateLogger("PushNotifi.Redis") ?? NullLogger.Instance));
        services.AddSingleton<RedisHealthCheck>();

        // Replace whatever AddPushNotifi registered (or will: it only adds these when none is there).
        services.RemoveAll<IPushNotifiStateStore>();
        services.AddSingleton<IPushNotifiStateStore, RedisStateStore>();
        services.RemoveAll<IPushNotifiRateLimiterFactory>();
        services.AddSingleton<IPushNotifiRateLimiterFactory, RedisSendRateLimiterFactory>();
        return services;
    }

    private static void Validate(PushNotifiRedisOptions options)
    {
        if (options.Connection is null && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("Set PushNotifiRedisOptions.ConnectionString or PushNotifiRedisOptions.Connection.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.KeyPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.OperationTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RetryInterval, TimeSpan.Zero);
    }
}
