using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PushNotifi.Redis;

/// <summary>
/// <c>pushnotifi.state.fallbacks</c> on the <c>PushNotifi</c> meter: each call that Redis could not answer and this
/// process's memory answered instead (failing open). Tags are fixed words, never a claim's key.
/// </summary>
internal sealed class StateFallbackMetrics
{
    internal const string Fallbacks = "pushnotifi.state.fallbacks";

    private static readonly Lazy<StateFallbackMetrics> s_shared = new(() => new StateFallbackMetrics(new Meter(PushNotifiTelemetry.MeterName)));

    private readonly Counter<long> _fallbacks;

    private StateFallbackMetrics(Meter meter) =>
        _fallbacks = meter.CreateCounter<long>(Fallbacks, "{call}", "State-store calls answered from memory because the shared store did not answer (failing open).");

    /// <summary>The container's meter, or a process-wide one when there is no <see cref="IMeterFactory"/>.</summary>
    internal static StateFallbackMetrics Create(IMeterFactory? factory) =>
        factory is null ? s_shared.Value : new StateFallbackMetrics(factory.Create(new MeterOptions(PushNotifiTelemetry.MeterName)));

    /// <param name="operation"><c>claim</c>, <c>increment</c>, or a record's <c>get</c> or <c>set</c>.</param>
    /// <param name="reason"><c>outage</c> (Redis is known down, not asked) or <c>error</c> (asked, no answer in time).</param>
    internal void Record(string operation, string reason)
    {
        if (_fallbacks.Enabled)
        {
            _fallbacks.Add(1, new TagList
            {
                { "pushnotifi.state.store", "redis" },
                { "pushnotifi.state.operation", operation },
                { "pushnotifi.state.reason", reason },
            });
        }
    }
}
