using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PushNotifi;
using PushNotifi.Redis;

namespace PushNotifiRecipes;

/// <summary>Shares the webhook's repeat-alert suppression between every instance through Redis.</summary>
public static class PaymentWebhookRedis
{
    /// <summary>
    /// The name of the Redis connection string: <c>ConnectionStrings:Redis</c> in configuration,
    /// <c>ConnectionStrings__Redis</c> in the environment.
    /// </summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>
    /// Moves PushNotifi's <see cref="IPushNotifiStateStore"/> (and the client's rate limit) to Redis, so that
    /// a failing event or a replayed bad signature pages once per window across every instance. Call it beside
    /// <c>AddPushNotifi</c>; once per app is enough when several recipes use Redis. When Redis is down, alerts still
    /// go out (each instance suppresses on its own until it is back).
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configuration">Holds the connection string (never put it in code: it may carry a password).</param>
    /// <param name="configure">
    /// Sets the rest, e.g. <c>o =&gt; o.KeyPrefix = "billing:pushnotifi:"</c> so that several apps can share one Redis,
    /// or the operation timeout (250 ms) past which a call goes on without Redis.
    /// </param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">The connection string is not configured.</exception>
    public static IServiceCollection AddPaymentWebhookRedis(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<PushNotifiRedisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // At start-up, naming the setting: a missing setting is a deployment error, unlike Redis being down.
            throw new InvalidOperationException(
                $"Set ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}) to the Redis connection string, e.g. redis:6379.");
        }

        return services.AddPushNotifiRedis(o =>
        {
            o.ConnectionString = connectionString;
            configure?.Invoke(o);
        });
    }
}
