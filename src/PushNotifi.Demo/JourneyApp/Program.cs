// Written by the PushNotifi demo into the app it generated: a nightly job whose work fails, and, with --ask,
// the approval a person gives on their phone before the job is re-run.
// The exception message carries the API key by accident; the alert wrapper redacts it before sending.
using System.Globalization;
using NightlyApp;
using PushNotifi;

if (args is ["--ask"])
{
    // Human in the loop: ask, wait for the tap, and go on only on a yes. A timeout is a no.
    var pushNotifi = new PushNotifiClient(PushNotifiOptions.FromEnvironment());
    var answer = await pushNotifi.AskAsync(
        new PushNotifiMessage
        {
            Title = "nightly-report failed at 03:00",
            Message = "Re-run nightly-report for the 03:00 run now?",
            ResponseTemplate = PushNotifiResponseTemplate.ApproveDeny,
        },
        TimeSpan.FromMinutes(2));
    if (!answer.IsAffirmative)
    {
        Console.WriteLine(answer.TimedOut ? "no answer in 2 minutes: not re-running" : $"answer: {answer.Response}; not re-running");
        return 3;
    }

    Console.WriteLine($"answer: {answer.Response} from {answer.AckedByDeviceId} (\"{answer.Comment}\"); re-running nightly-report");
    return 0;
}

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
