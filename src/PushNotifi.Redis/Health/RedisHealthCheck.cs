using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PushNotifi.Redis;

/// <summary>
/// Reports whether PushNotifi's Redis answers a PING within the operation timeout. Alerting keeps working without
/// Redis (it fails open), so register it as <see cref="HealthStatus.Degraded"/> unless losing shared suppression
/// should take an instance out of rotation.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection connection, PushNotifiRedisOptions options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connection.Database is not { } database)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not connected; alerts go out with this process's own claims, counters and rate limit.");
        }

        try
        {
            var latency = await database.PingAsync().WaitAsync(options.OperationTimeout, time, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Redis answered PING in " + latency.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms.");
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Redis did not answer PING within {options.OperationTimeout.TotalMilliseconds:0} ms ({error.GetType().Name}).");
        }
    }
}
