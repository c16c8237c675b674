using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace PushNotifi.OpenTelemetry;

/// <summary>
/// Adds PushNotifi's meter and activity source (both named <c>PushNotifi</c>) to OpenTelemetry. Equivalent to
/// <c>AddMeter("PushNotifi")</c> and <c>AddSource("PushNotifi")</c>; see docs/observability.md for what they report.
/// </summary>
public static class PushNotifiInstrumentationExtensions
{
    /// <summary>The name of the runtime's meter and activity source (<c>PushNotifiTelemetry.MeterName</c>, <c>ActivitySourceName</c>).</summary>
    public const string Name = "PushNotifi";

    /// <summary>Collects PushNotifi's metrics: sends by outcome, send duration, questions, answer waits, status polls, redactions and state-store fallbacks.</summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The same builder.</returns>
    public static MeterProviderBuilder AddPushNotifiInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(Name);
    }

    /// <summary>Collects PushNotifi's spans (<c>pushnotifi send</c>, <c>pushnotifi ask</c>, <c>pushnotifi await answer</c>), the parents of their HTTP spans.</summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The same builder.</returns>
    public static TracerProviderBuilder AddPushNotifiInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(Name);
    }
}
