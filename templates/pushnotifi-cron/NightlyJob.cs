#if (!hosted)
using PushNotifi;

namespace PushNotifiRecipes;

/// <summary>
/// Runs the scheduled job "nightly-job" and alerts once per run when it fails, then rethrows so the
/// scheduler (cron, a systemd timer, a Kubernetes CronJob) sees the failure too.
/// </summary>
/// <remarks>
/// The idempotency key is <c>cron:{job}:{runId}</c>, where the run id is the scheduled time truncated to
/// <see cref="Grain"/>: a retry of the same run deduplicates, the next run alerts again.
/// Do not alert from inside the work for errors it recovers from by retrying; let the work throw only
/// when the run has really failed.
/// </remarks>
public static partial class NightlyJob
{
    /// <summary>The job's name in alert titles and idempotency keys.</summary>
    public const string JobName = "nightly-job";

    /// <summary>How often the scheduler starts the job; run ids are truncated to it.</summary>
    public static readonly TimeSpan Grain = TimeSpan.FromHours(1);

    /// <summary>Runs the job once for the run scheduled at <paramref name="scheduledAt"/>.</summary>
    /// <param name="scheduledAt">When the scheduler started this run (for example <see cref="DateTimeOffset.UtcNow"/> at start-up).</param>
    /// <param name="work">The job's work.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public static Task RunAsync(DateTimeOffset scheduledAt, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunOnceAsync(JobName, PushNotifiRunId.ForSchedule(scheduledAt, Grain), work, cancellationToken);
    }

    [PushNotifiAlert("Cron failed: {jobName}", IdempotencyKey = "cron:{jobName}:{runId}", Priority = PushNotifiPriority.High)]
    private static partial Task RunOnceAsync(string jobName, string runId, Func<CancellationToken, Task> work, CancellationToken cancellationToken);

    // The work itself; the generated RunOnceAsync wraps it with the alert.
    private static Task RunOnceCoreAsync(string jobName, string runId, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
        => work(cancellationToken);
}
#else
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PushNotifi;

namespace PushNotifiRecipes;

/// <summary>
/// Runs the job "nightly-job" on every <see cref="Grain"/> tick as a hosted service, and alerts once per
/// run when it fails. Register with <c>services.AddPushNotifi(configuration)</c> and
/// <c>services.AddHostedService&lt;NightlyJob&gt;()</c>.
/// </summary>
/// <remarks>
/// The idempotency key is <c>cron:{job}:{runId}</c>, where the run id is the tick time truncated to
/// <see cref="Grain"/>, never the raw current time. The generated wrapper rethrows; this service is the
/// scheduler, so it logs the failure and keeps the schedule running. Do not alert from inside the work
/// for errors it recovers from by retrying.
/// </remarks>
/// <param name="alerter">The container's alerter, which the generated wrapper sends its alert through.</param>
/// <param name="logger">Logs failed runs.</param>
/// <param name="timeProvider">The clock; the system clock when none is registered.</param>
public sealed partial class NightlyJob(IPushNotifiAlerter alerter, ILogger<NightlyJob> logger, TimeProvider? timeProvider = null) : BackgroundService
{
    /// <summary>The job's name in alert titles and idempotency keys.</summary>
    public const string JobName = "nightly-job";

    /// <summary>How often the job runs; run ids are truncated to it.</summary>
    public static readonly TimeSpan Grain = TimeSpan.FromHours(1);

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Grain, _time);
        do
        {
            var runId = PushNotifiRunId.ForSchedule(_time.GetUtcNow(), Grain);
            try
            {
                await RunOnceAsync(JobName, runId, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Already alerted by the wrapper; keep the schedule going.
                LogRunFailed(logger, JobName, runId, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs the job once; alerts and rethrows when it fails.</summary>
    /// <param name="jobName">The job's name.</param>
    /// <param name="runId">The run id, the scheduled time truncated to <see cref="Grain"/>.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    [PushNotifiAlert("Cron failed: {jobName}", IdempotencyKey = "cron:{jobName}:{runId}", Priority = PushNotifiPriority.High)]
    public partial Task RunOnceAsync(string jobName, string runId, CancellationToken cancellationToken);

    // The job's work goes here; the generated RunOnceAsync wraps it with the alert.
    private Task RunOnceCoreAsync(string jobName, string runId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobName} run {RunId} failed with {ExceptionType}; alert sent.")]
    private static partial void LogRunFailed(ILogger logger, string jobName, string runId, string exceptionType);
}
#endif
