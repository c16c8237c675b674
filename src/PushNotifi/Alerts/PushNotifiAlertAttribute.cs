namespace PushNotifi;

/// <summary>
/// Marks a <c>partial</c> method whose body the PushNotifi source generator supplies: the body calls the
/// implementation method and, when it throws, sends one alert and rethrows the original exception.
/// </summary>
/// <remarks>
/// Templates bind at compile time. <c>{name}</c> binds to a parameter (case-insensitively), <c>{name.Member}</c>
/// to a member of a parameter, and <c>{{</c> / <c>}}</c> write literal braces. The built-in placeholders
/// <c>{ExceptionType}</c>, <c>{ExceptionMessage}</c>, <c>{Elapsed}</c> and <c>{Method}</c> are available when
/// no parameter has the same name. See docs/generator.md.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PushNotifiAlertAttribute : Attribute
{
    /// <summary>The default failure message template.</summary>
    public const string DefaultMessage = "{ExceptionType}: {ExceptionMessage} (after {Elapsed})";

    /// <summary>Creates the attribute with the failure alert's title template.</summary>
    /// <param name="title">The title template, for example <c>"Cron failed: {jobName}"</c>.</param>
    public PushNotifiAlertAttribute(string title) => Title = title;

    /// <summary>The failure alert's title template.</summary>
    public string Title { get; }

    /// <summary>The failure alert's message template; defaults to <see cref="DefaultMessage"/>.</summary>
    public string? Message { get; set; }

    /// <summary>
    /// The failure alert's idempotency key template. It must be stable per logical event (never the current
    /// time or a random value). Without it the documented default key applies: the method's full name, the
    /// exception type and a fingerprint of the arguments.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The failure alert's priority; defaults to <see cref="PushNotifiPriority.High"/>.</summary>
    public PushNotifiPriority Priority { get; set; } = PushNotifiPriority.High;

    /// <summary>Also sends an alert when the implementation completes successfully.</summary>
    public bool NotifyOnSuccess { get; set; }

    /// <summary>The success alert's title template; defaults to <c>"Succeeded: {Method}"</c>.</summary>
    public string? SuccessTitle { get; set; }

    /// <summary>The success alert's message template; defaults to <c>"Completed in {Elapsed}"</c>.</summary>
    public string? SuccessMessage { get; set; }

    /// <summary>The success alert's idempotency key template; defaults to the failure key with an <c>ok:</c> prefix.</summary>
    public string? SuccessIdempotencyKey { get; set; }

    /// <summary>The success alert's priority; defaults to <see cref="PushNotifiPriority.Low"/>.</summary>
    public PushNotifiPriority SuccessPriority { get; set; } = PushNotifiPriority.Low;

    /// <summary>
    /// The name of the method that does the work; defaults to the declaration's name with <c>Core</c> before a
    /// trailing <c>Async</c> (<c>RunAsync</c> → <c>RunCoreAsync</c>) or appended (<c>Apply</c> → <c>ApplyCore</c>).
    /// </summary>
    public string? Implementation { get; set; }

    /// <summary>
    /// Alerts on an <see cref="OperationCanceledException"/> raised while the caller's
    /// <see cref="CancellationToken"/> is cancelled. Off by default: a cancelled caller is not a failure.
    /// </summary>
    public bool AlertOnCallerCancellation { get; set; }

    /// <summary>
    /// How many seconds an alert's idempotency key stays claimed once sent, so that repeats of this wrapper's alert
    /// are not sent again within them; 0 turns suppression off for this wrapper. Left out (or negative), the wrapper
    /// uses <see cref="PushNotifiAlerts.SuppressionWindow"/> (5 minutes by default).
    /// </summary>
    public int SuppressionWindowSeconds { get; set; } = -1;
}
