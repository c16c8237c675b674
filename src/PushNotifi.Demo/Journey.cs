using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using PushNotifi.Sandbox;

namespace PushNotifi.Demo;

/// <summary>
/// The newcomer journey from the README, in a temporary folder: the packed packages, the templates in an
/// isolated hive, a console app, <c>pushnotifi-init</c>, the cron recipe, a build, a failing run against the
/// embedded sandbox, an approval a person taps before the re-run, and what the phone would have received.
/// </summary>
internal sealed class Journey(string root, TextWriter output)
{
    private const int StepCount = 9;
    private const string AppName = "NightlyApp";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    private readonly string _feed = Path.Combine(root, "feed");
    private readonly string _hive = Path.Combine(root, "hive");
    private readonly string _app = Path.Combine(root, AppName);
    private readonly Dictionary<string, string?> _dotnetEnvironment = new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(root, "packages"),
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        // No MSBuild nodes outliving the journey.
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["NuGetAudit"] = "false",
    };

    private int _step;

    /// <summary>Runs every step; returns the process exit code (0 when every check passed).</summary>
    public async Task<int> RunAsync()
    {
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(root);
        output.WriteLine($"PushNotifi demo: the newcomer journey in {root}");
        output.WriteLine();

        var packages = await StepAsync("Pack PushNotifi, PushNotifi.Cli and PushNotifi.Templates (packed by this build) into a local feed", PackAsync);
        await StepAsync("Install the templates into an isolated hive", () => DotnetAsync(root, "new", "install", packages.Templates, "--debug:custom-hive", _hive));
        await StepAsync("Create a console app", () => DotnetAsync(root, "new", "console", "-n", AppName, "-o", _app));
        await StepAsync("dotnet new pushnotifi-init --allow-scripts yes", async () =>
        {
            var init = await DotnetAsync(_app, "new", "pushnotifi-init", "--allow-scripts", "yes", "--debug:custom-hive", _hive, "--no-update-check");
            foreach (var line in init.Output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("Package:", StringComparison.Ordinal)
                || l.StartsWith(".env.example:", StringComparison.Ordinal) || l.StartsWith(".gitignore:", StringComparison.Ordinal)))
            {
                output.WriteLine("      " + line);
            }

            return init;
        });
        await StepAsync("dotnet new pushnotifi-cron -n NightlyReport --job-name nightly-report", async () =>
        {
            var cron = await DotnetAsync(_app, "new", "pushnotifi-cron", "-n", "NightlyReport", "--job-name", "nightly-report", "--grain", "hourly",
                "--debug:custom-hive", _hive, "--no-update-check");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "JourneyApp", "Program.cs"), Path.Combine(_app, "Program.cs"), overwrite: true);
            output.WriteLine("      added NightlyReport.cs; Program.cs runs it with work that fails");
            return cron;
        });
        await StepAsync("Build with warnings as errors", () => DotnetAsync(_app, "build", "-c", "Release", "-p:TreatWarningsAsErrors=true"));
        var result = await StepAsync("Run the failing job against the embedded sandbox, then the scheduler's retry", RunAgainstSandboxAsync);
        var approval = await StepAsync("Ask before re-running: the app asks, the demo taps Approve as the phone would", () => AskAndApproveAsync(result));
        _step++;
        output.WriteLine($"[{_step}/{StepCount}] What the sandbox received");
        var exitCode = Report(result, approval);
        output.WriteLine();
        output.WriteLine($"Done in {total.Elapsed.TotalSeconds:0} s.");
        return exitCode;
    }

    private async Task<T> StepAsync<T>(string title, Func<Task<T>> action)
    {
        _step++;
        output.WriteLine($"[{_step}/{StepCount}] {title}");
        var watch = Stopwatch.StartNew();
        var result = await action();
        if (result is ChildResult { ExitCode: not 0 } failed)
        {
            throw new JourneyException($"`{failed.Command}` failed with exit code {failed.ExitCode}:\n{failed.Output}");
        }

        output.WriteLine($"      done ({watch.Elapsed.TotalSeconds:0.0} s)");
        return result;
    }

    private Task<PackedPackages> PackAsync()
    {
        // Building this demo packed them (GeneratePackageOnBuild); copy this build's versions into the journey's feed.
        var source = typeof(Journey).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PackageFeed").Value!;
        Directory.CreateDirectory(_feed);
        string Copy(string id)
        {
            var package = Directory.GetFiles(source, id + ".*.nupkg")
                .Where(p => char.IsDigit(Path.GetFileName(p)[(id.Length + 1)..][0]))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault() ?? throw new JourneyException($"No {id} package in {source}; run `dotnet build src/PushNotifi.Demo` first.");
            var target = Path.Combine(_feed, Path.GetFileName(package));
            File.Copy(package, target, overwrite: true);
            output.WriteLine("      " + Path.GetFileName(package));
            return target;
        }

        var packed = new PackedPackages(Copy("PushNotifi"), Copy("PushNotifi.Cli"), Copy("PushNotifi.Templates"));
        // The local feed first; the machine's own sources (inherited) serve Microsoft.Extensions.*.
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="pushnotifi-demo" value="{_feed}" />
              </packageSources>
            </configuration>
            """);
        return Task.FromResult(packed);
    }

    private async Task<RunResult> RunAgainstSandboxAsync()
    {
        // Throwaway keys made for this run only; the sandbox accepts them and nothing else does.
        var userKey = "u" + RandomNumberGenerator.GetHexString(31, lowercase: true);
        var groupKey = "g" + RandomNumberGenerator.GetHexString(31, lowercase: true);
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { UserKey = userKey, GroupKey = groupKey });
        output.WriteLine($"      sandbox on {sandbox.BaseUrl}; PUSHNOTIFI_API_BASE_URL points the app at it");
        var environment = new Dictionary<string, string?>
        {
            ["PUSHNOTIFI_API_BASE_URL"] = sandbox.BaseUrl,
            ["PUSHNOTIFI_USER_KEY"] = userKey,
            ["PUSHNOTIFI_GROUP_KEY"] = groupKey,
            ["DOTNET_NOLOGO"] = "1",
        };
        var app = Path.Combine(_app, "bin", "Release", "net10.0", AppName + ".dll");
        var runs = new List<ChildResult>();
        foreach (var scheduledAt in new[] { "2026-11-25T03:00:04Z", "2026-11-25T03:17:30Z" })
        {
            var run = await ChildProcess.RunAsync("dotnet", [app, scheduledAt], _app, environment, StepTimeout);
            output.WriteLine($"      run scheduled at {scheduledAt}: exit code {run.ExitCode}; {run.Output.Trim()}");
            runs.Add(run);
        }

        return new RunResult(sandbox, userKey, environment, app, runs);
    }

    private async Task<ApprovalResult> AskAndApproveAsync(RunResult result)
    {
        var sandbox = result.Sandbox;
        var asking = ChildProcess.RunAsync("dotnet", [result.App, "--ask"], _app, result.Environment, StepTimeout);
        var alert = await WaitForAlertAsync(sandbox, asking);
        output.WriteLine($"      the phone shows: \"{alert.Message}\" [{string.Join(" / ", alert.ResponseLabels ?? [])}]");
        output.WriteLine($"      (by hand: open {sandbox.BaseUrl}/ in a browser while it waits, or run `pushnotifi sandbox`, and tap there)");

        // The demo plays the phone here, so it calls the phone's endpoint itself; the app's own HTTP goes through PushNotifiClient.
        using var phone = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        using var tap = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/alerts/{Uri.EscapeDataString(alert.AlertId!)}/ack")
        {
            Content = new StringContent("""{"device_id":"demo-phone","response":"Approve","comment":"go ahead"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        tap.Headers.Add("X-API-Key", result.UserKey);
        using var tapped = await phone.SendAsync(tap);
        output.WriteLine($"      tapped Approve: POST /api/v1/alerts/{alert.AlertId}/ack answered {(int)tapped.StatusCode}");

        var run = await asking;
        output.WriteLine($"      the app: exit code {run.ExitCode}; {run.Output.Trim()}");
        return new ApprovalResult(alert.AlertId!, (int)tapped.StatusCode, run);
    }

    private static async Task<CapturedNotification> WaitForAlertAsync(SandboxServer sandbox, Task<ChildResult> asking)
    {
        var deadline = DateTimeOffset.UtcNow + StepTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (sandbox.Notifications.FirstOrDefault(n => n.AlertId is not null) is { } alert)
            {
                return alert;
            }

            if (asking.IsCompleted)
            {
                var run = await asking;
                throw new JourneyException($"The app ended before asking (exit code {run.ExitCode}):\n{run.Output}");
            }

            await Task.Delay(100);
        }

        throw new JourneyException("The app did not ask within the step's time.");
    }

    private int Report(RunResult result, ApprovalResult approval)
    {
        using var _ = result;
        var sandbox = result.Sandbox;
        // The failure alerts, apart from the approval question (the one priority-2 alert).
        var requests = sandbox.Requests.Where(r => r.Path == "/api/v1/message" && !r.Body.Contains("alert_response_template", StringComparison.Ordinal)).ToList();
        var alerts = sandbox.Notifications.Where(n => n.AlertId is null).ToList();
        foreach (var n in sandbox.Notifications)
        {
            output.WriteLine($"      notification {n.Id} ({n.Type} -> {PushNotifi.Redactor.LastFour(n.SendToKey)})");
            output.WriteLine($"        title:           {n.Title}");
            output.WriteLine($"        message:         {n.Message}");
            output.WriteLine($"        priority:        {n.Priority}");
            output.WriteLine($"        idempotency_key: {n.IdempotencyKey}");
            output.WriteLine($"        X-API-Key:       {n.ApiKeyLastFour}");
            if (n.AlertId is not null)
            {
                output.WriteLine($"        alert:           {n.AlertId} ({n.ResponseTemplate}); answered {n.Response} from {n.AckedByDeviceId}: \"{n.Comment}\"");
            }
        }

        output.WriteLine($"      {requests.Count} alert request(s), {alerts.Count} delivered: the retry of the same run carried the same key and was deduplicated.");
        var checks = new (bool Ok, string What)[]
        {
            (result.Runs.All(r => r.ExitCode == 1), "every failed run rethrew to the scheduler (exit code 1)"),
            (requests.Count == 2 && alerts.Count == 1, "two alerts sent, one delivered (deduplicated retry)"),
            (alerts.All(n => n.IdempotencyKey == "cron:nightly-report:2026-11-25T03:00:00Z"), "keyed cron:nightly-report:<run id truncated to the hour>"),
            (!sandbox.Requests.Any(r => r.Body.Contains(result.UserKey, StringComparison.Ordinal))
                && alerts.All(n => n.Message.Contains(PushNotifi.Redactor.LastFour(result.UserKey), StringComparison.Ordinal)),
                "the key in the exception message was redacted to its last four characters"),
            (!result.Runs.Append(approval.Run).Any(r => r.Output.Contains(result.UserKey, StringComparison.Ordinal)), "the app never printed the key"),
            (approval.TapStatus == 200 && sandbox.FindAlert(approval.AlertId) is { Acked: true, Response: "Approve", Priority: 2 },
                "the question went out at priority 2 with approve/deny buttons, and the tap was recorded"),
            (approval.Run.ExitCode == 0 && approval.Run.StandardOutput.Contains("answer: Approve from demo-phone", StringComparison.Ordinal),
                "the app received Approve and went on"),
        };
        output.WriteLine();
        foreach (var (ok, what) in checks)
        {
            output.WriteLine($"  {(ok ? "OK  " : "FAIL")} {what}");
        }

        return checks.All(c => c.Ok) ? 0 : 1;
    }

    private Task<ChildResult> DotnetAsync(string workingDirectory, params string[] arguments)
        => ChildProcess.RunAsync("dotnet", arguments, workingDirectory, _dotnetEnvironment, StepTimeout);

    private sealed record PackedPackages(string Runtime, string Cli, string Templates);

    private sealed record ApprovalResult(string AlertId, int TapStatus, ChildResult Run);

    private sealed record RunResult(SandboxServer Sandbox, string UserKey, Dictionary<string, string?> Environment, string App, IReadOnlyList<ChildResult> Runs) : IDisposable
    {
        public void Dispose() => Sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
