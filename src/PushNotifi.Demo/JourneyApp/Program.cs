// Written by the PushNotifi demo into the app it generated: a nightly job whose work fails.
// The exception message carries the API key by accident; the alert wrapper redacts it before sending.
using System.Globalization;
using NightlyApp;

var scheduledAt = DateTimeOffset.Parse(args[0], CultureInfo.InvariantCulture);
try
{
    await NightlyReport.RunAsync(scheduledAt, _ => throw new TimeoutException(
        $"Report API timed out after 30000 ms (X-API-Key: {Environment.GetEnvironmentVariable("PUSHNOTIFI_USER_KEY")})"));
    return 0;
}
catch (TimeoutException)
{
    Console.WriteLine($"job failed for the run scheduled at {scheduledAt:u}; rethrown to the scheduler (exit code 1)");
    return 1;
}
