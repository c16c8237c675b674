// Drives the pushnotifi-cron recipe: dotnet CronApp.dll <scheduled-at> <fail|ok>
using System.Globalization;
using TEMPLATE_APP_NAMESPACE;

var scheduledAt = DateTimeOffset.Parse(args[0], CultureInfo.InvariantCulture);
var fail = args[1] == "fail";
try
{
    await NightlyBackup.RunAsync(scheduledAt, _ => fail
        ? throw new InvalidOperationException($"Backup disk full; credentials {Environment.GetEnvironmentVariable("PUSHNOTIFI_USER_KEY")}")
        : Task.CompletedTask);
    Console.WriteLine("job succeeded");
    return 0;
}
catch (InvalidOperationException)
{
    Console.WriteLine("job failure rethrown to the scheduler");
    return 3;
}
