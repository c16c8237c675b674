using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PushNotifi.Alerts;
using PushNotifi.Diagnostics;
using PushNotifi.Internal;

namespace PushNotifi;

/// <summary>
/// Registers <see cref="IPushNotifiClient"/>, <see cref="IPushNotifiAcks"/>, <see cref="IPushNotifiApprovals"/> and <see cref="IPushNotifiAlerter"/> with
/// dependency injection, and an <see cref="IPushNotifiStateStore"/> (in memory unless another is registered, e.g. by
/// <c>AddPushNotifiRedis</c>) that the alerter, the alert wrappers and the recipes share.
/// </summary>
public static class PushNotifiServiceCollectionExtensions
{
    /// <summary>
    /// Registers a typed <see cref="IPushNotifiClient"/> through <c>IHttpClientFactory</c>, with options read
    /// from the <c>PUSHNOTIFI_*</c> environment variables and then <paramref name="configure"/>. Options are
    /// validated when the host starts.
    /// </summary>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddPushNotifi(this IServiceCollection services, Action<PushNotifiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PushNotifiOptions>()
            .Configure(o => o.FillFromEnvironment(Environment.GetEnvironmentVariable));
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        return AddCore(services);
    }

    /// <summary>
    /// Registers a typed <see cref="IPushNotifiClient"/> through <c>IHttpClientFactory</c>, with options bound
    /// from the <c>PushNotifi</c> section of <paramref name="configuration"/>; the <c>PUSHNOTIFI_*</c>
    /// environment variables fill whatever the section leaves unset. Options are validated when the host starts.
    /// </summary>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddPushNotifi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PushNotifiOptions>()
            .Configure(o =>
            {
                // Bound by the configuration binding source generator (EnableConfigurationBindingGenerator): no reflection.
                configuration.GetSection(PushNotifiOptions.SectionName).Bind(o);
                o.FillFromEnvironment(Environment.GetEnvironmentVariable);
            });
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<PushNotifiOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PushNotifiOptions>, PushNotifiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPushNotifiStateStore>(sp => new InMemoryPushNotifiStateStore(sp.GetRequiredService<TimeProvider>()));
        // One set of instruments per container, on its IMeterFactory's "PushNotifi" meter (docs/observability.md).
        services.AddMetrics();
        services.TryAddSingleton(sp => PushNotifiMetrics.Create(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp =>
        {
            var redactor = Redactor.ForOptions(sp.GetRequiredService<IOptions<PushNotifiOptions>>().Value);
            redactor.Metrics = sp.GetRequiredService<PushNotifiMetrics>();
            return redactor;
        });
        services.TryAddSingleton(sp =>
        {
            // One limiter per container, so every typed client instance shares the same budget.
            var options = sp.GetRequiredService<IOptions<PushNotifiOptions>>().Value;
            return new SharedRateLimiter(options.RateLimitPerMinute is { } perMinute
                ? new SendRateLimiter(perMinute, options.RateLimitQueueTimeout, sp.GetRequiredService<TimeProvider>(), sp.GetService<IPushNotifiRateLimiterFactory>())
                : null);
        });

        // The alerter sends through whatever IPushNotifiClient is registered (a decorator or a fake too), with the
        // container's redactor and store, so those never depend on the client's concrete type.
        services.TryAddTransient<IPushNotifiAlerter>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PushNotifiOptions>>().Value;
            return new PushNotifiAlerter(
                sp.GetRequiredService<IPushNotifiClient>(),
                sp.GetRequiredService<Redactor>(),
                sp.GetRequiredService<IPushNotifiStateStore>(),
                AlertLogger(sp),
                options.AlertTimeBudget,
                options.AlertSuppressionWindow,
                sp.GetRequiredService<PushNotifiMetrics>());
        });

        // The ack surface is the same typed client; a registered fake that lacks it gets a clear error.
        services.TryAddTransient<IPushNotifiAcks>(sp => sp.GetRequiredService<IPushNotifiClient>() as IPushNotifiAcks
            ?? throw new InvalidOperationException(
                $"The registered {nameof(IPushNotifiClient)} does not implement {nameof(IPushNotifiAcks)}; register an {nameof(IPushNotifiAcks)} as well."));

        // Team approvals orchestrate the registered client and ack surface, with the container's store, clock and schedule.
        services.TryAddTransient<IPushNotifiApprovals>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PushNotifiOptions>>().Value;
            return new PushNotifiApprovals(
                sp.GetRequiredService<IPushNotifiClient>(),
                sp.GetRequiredService<IPushNotifiAcks>(),
                sp.GetRequiredService<IPushNotifiStateStore>(),
                sp.GetRequiredService<TimeProvider>(),
                options.AckPolling,
                sp.GetRequiredService<Redactor>());
        });

        return services
            .AddHttpClient<IPushNotifiClient, PushNotifiClient>((http, sp) =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan; // the client's own Polly pipeline bounds time
                return new PushNotifiClient(
                    sp.GetRequiredService<IOptions<PushNotifiOptions>>().Value,
                    http,
                    sp.GetService<ILoggerFactory>()?.CreateLogger<PushNotifiClient>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<SharedRateLimiter>().Limiter,
                    sp.GetRequiredService<IPushNotifiStateStore>(),
                    AlertLogger(sp),
                    sp.GetRequiredService<PushNotifiMetrics>());
            });
    }

    private static ILogger? AlertLogger(IServiceProvider services) => services.GetService<ILoggerFactory>()?.CreateLogger("PushNotifi.Alerts");
}
