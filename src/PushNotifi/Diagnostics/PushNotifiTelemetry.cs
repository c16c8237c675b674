namespace PushNotifi;

/// <summary>
/// The names under which the runtime reports metrics and traces. They are API: renaming one breaks every
/// dashboard and exporter that listens for it. Hook up with <c>AddMeter(PushNotifiTelemetry.MeterName)</c> and
/// <c>AddSource(PushNotifiTelemetry.ActivitySourceName)</c>; see docs/observability.md for the instruments.
/// </summary>
public static class PushNotifiTelemetry
{
    /// <summary>The name of the runtime's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>PushNotifi</c>.</summary>
    public const string MeterName = "PushNotifi";

    /// <summary>The name of the runtime's <see cref="System.Diagnostics.ActivitySource"/>: <c>PushNotifi</c>.</summary>
    public const string ActivitySourceName = "PushNotifi";
}
