using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PushNotifi.Redis;

namespace PushNotifi;

/// <summary>Adds a health check for the Redis behind <c>AddPushNotifiRedis</c>.</summary>
public static class PushNotifiRedisHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks that PushNotifi's Redis answers a PING within its operation timeout. Reports
    /// <see cref="HealthStatus.Degraded"/> by default when it does not, because alerting keeps working without it.
    /// </summary>
    /// <param name="builder">From <c>services.AddHealthChecks()</c>; <c>AddPushNotifiRedis</c> must be called too.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">What an unanswered PING reports; <see cref="HealthStatus.Degraded"/> when null.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddPushNotifiRedis(this IHealthChecksBuilder builder, string name = "pushnotifi-redis", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name, sp => sp.GetRequiredService<RedisHealthCheck>(), failureStatus ?? HealthStatus.Degraded, tags));
    }
}
