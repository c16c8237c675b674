using PushNotifi;

namespace PushNotifiRecipes;

/// <summary>
/// Runs a migration step with an alert: on failure a priority 2 (emergency) alert keyed
/// <c>mig:fail:{name}:{version}</c>, then the original exception is rethrown; on success a quiet
/// priority -1 alert keyed <c>mig:ok:{name}:{version}</c>.
/// </summary>
/// <remarks>
/// The keys hold the migration's name and version, so re-running the same deployment never pages twice.
/// Keep the step's own retries inside <c>apply</c>: alert only when the step has really failed.
/// </remarks>
public static partial class MigrationAlerts
{
    /// <summary>Applies one migration step and alerts on its outcome.</summary>
    /// <param name="name">The migration's name, for example <c>"AddOrdersIndex"</c>.</param>
    /// <param name="version">The migration's version, for example <c>"20260510_0300"</c>.</param>
    /// <param name="apply">The step that applies the migration.</param>
    /// <param name="cancellationToken">Stops the step.</param>
    public static Task RunAsync(string name, string version, Func<CancellationToken, Task> apply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        return ApplyAsync(name, version, apply, cancellationToken);
    }

#if (notifyOnSuccess)
    [PushNotifiAlert(
        "Migration FAILED: {name}",
        Message = "version {version}: {ExceptionMessage}",
        IdempotencyKey = "mig:fail:{name}:{version}",
        Priority = PushNotifiPriority.Emergency,
        NotifyOnSuccess = true,
        SuccessTitle = "Migration applied: {name}",
        SuccessMessage = "version {version} ok",
        SuccessIdempotencyKey = "mig:ok:{name}:{version}",
        SuccessPriority = PushNotifiPriority.Low)]
#else
    [PushNotifiAlert(
        "Migration FAILED: {name}",
        Message = "version {version}: {ExceptionMessage}",
        IdempotencyKey = "mig:fail:{name}:{version}",
        Priority = PushNotifiPriority.Emergency)]
#endif
    private static partial Task ApplyAsync(string name, string version, Func<CancellationToken, Task> apply, CancellationToken cancellationToken);

    // The step itself; the generated ApplyAsync wraps it with the alerts.
    private static Task ApplyCoreAsync(string name, string version, Func<CancellationToken, Task> apply, CancellationToken cancellationToken)
        => apply(cancellationToken);
}
