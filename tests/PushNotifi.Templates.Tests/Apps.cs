namespace PushNotifi.Templates.Tests;

/// <summary>The generated apps the tests build; each is a fresh project with one recipe's instantiations.</summary>
internal static class Apps
{
    public static readonly AppSpec Cron = new(
        "CronApp", "console",
        [["pushnotifi-cron", "-n", "NightlyBackup", "--job-name", "nightly-backup", "--grain", "hourly"]],
        "Cron.cs");

    public static readonly AppSpec HostedCron = new(
        "HostedCronApp", "web",
        [["pushnotifi-cron", "-n", "ReportJob", "--job-name", "report", "--grain", "minute", "--hosted"]],
        "HostedCron.cs");

    public static readonly AppSpec Migration = new(
        "MigrationApp", "console",
        [["pushnotifi-migration"], ["pushnotifi-migration", "-n", "QuietMigrations", "--notify-on-success", "false"]],
        "Migration.cs");

    public static readonly AppSpec ErrorRate = new(
        "ErrorRateApp", "console",
        [["pushnotifi-error-rate", "-n", "StripeErrorRate", "--window-minutes", "10", "--threshold", "5", "--store", "memory"]],
        "ErrorRate.cs");

    public static readonly AppSpec Webhook = new(
        "WebhookApp", "web",
        [
            ["pushnotifi-webhook"],
            ["pushnotifi-webhook", "-n", "StripeHook", "--provider", "stripe", "--route", "/webhooks/stripe", "--secret-variable", "STRIPE_WEBHOOK_SECRET", "--store", "memory"],
        ],
        "Webhook.cs");

    /// <summary>Both recipes with <c>--store redis</c> in one web app: one build covers both, sharing one Redis.</summary>
    public static readonly AppSpec Redis = new(
        "RedisStoreApp", "web",
        [
            ["pushnotifi-error-rate", "-n", "StripeErrorRate", "--window-minutes", "10", "--threshold", "5", "--store", "redis"],
            ["pushnotifi-webhook", "--store", "redis"],
        ],
        "Redis.cs");

    public static readonly AppSpec ExceptionHandler = new(
        "ErrorHandlerApp", "web",
        [["pushnotifi-exception-handler", "--request-id-header", "X-Request-ID", "--alert-timeout-seconds", "3"]],
        "ExceptionHandler.cs");

    /// <summary>Every app, so the first test can start all the builds at once.</summary>
    public static readonly AppSpec[] All = [Cron, Migration, ErrorRate, Webhook, Redis, ExceptionHandler, HostedCron];
}
