using Microsoft.Playwright;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// Finds a Chromium for the browser tests, in this order: the <c>PLAYWRIGHT_CHROMIUM_EXECUTABLE</c> variable,
/// Playwright's own installed browsers, then a system Chromium or Chrome; failing all of them, Playwright's installer
/// runs once per test run. Launching is the test of each: Playwright knows where its own browsers live.
/// </summary>
internal static class ChromiumLocator
{
    internal const string ExecutableVariable = "PLAYWRIGHT_CHROMIUM_EXECUTABLE";

    internal const string HowToGetOne =
        "Set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium or Chrome, install one (e.g. `apt-get install -y chromium`), " +
        "or let Playwright fetch its own: `pwsh artifacts/bin/PushNotifi.Sandbox.Tests/debug/playwright.ps1 install chromium` " +
        "(the tests try that themselves, which needs internet access).";

    private static readonly string[] s_systemNames = ["chromium", "chromium-browser", "google-chrome"];

    private static readonly Lazy<Task<string?>> s_install = new(InstallAsync);

    /// <summary>The launched browser, or null with the reason none could be had.</summary>
    internal static async Task<(IBrowser? Browser, string Reason)> LaunchAsync(IPlaywright playwright)
    {
        var chosen = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrEmpty(chosen))
        {
            if (!File.Exists(chosen))
            {
                throw new InvalidOperationException($"{ExecutableVariable} is {chosen}, which does not exist: point it at a Chromium or Chrome executable, or unset it.");
            }

            return (await LaunchAsync(playwright, chosen), "");
        }

        var bundled = await TryLaunchAsync(playwright, executable: null);
        if (bundled.Browser is not null)
        {
            return bundled;
        }

        if (SystemExecutable(Environment.GetEnvironmentVariable("PATH"), File.Exists) is { } system)
        {
            return (await LaunchAsync(playwright, system), "");
        }

        var installFailure = await s_install.Value;
        if (installFailure is not null)
        {
            return (null, $"No Chromium was found and Playwright's installer failed ({installFailure}). {HowToGetOne}");
        }

        return await TryLaunchAsync(playwright, executable: null);
    }

    /// <summary>The first system Chromium: <c>/usr/bin/chromium</c>, then chromium, chromium-browser and google-chrome on <paramref name="path"/>.</summary>
    internal static string? SystemExecutable(string? path, Func<string, bool> exists)
    {
        var directories = (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "/usr/bin/chromium" }
            .Concat(s_systemNames.SelectMany(name => directories.Select(directory => Path.Combine(directory, name))))
            .FirstOrDefault(exists);
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright, string executable) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true });

    private static async Task<(IBrowser? Browser, string Reason)> TryLaunchAsync(IPlaywright playwright, string? executable)
    {
        try
        {
            return (await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true }), "");
        }
        catch (PlaywrightException e)
        {
            return (null, $"Playwright's Chromium did not start: {e.Message.Split('\n')[0]} {HowToGetOne}");
        }
    }

    // Null when it installed; otherwise why not. Runs Playwright's own installer, as `playwright install chromium` does.
    private static Task<string?> InstallAsync() => Task.Run(() =>
    {
        try
        {
            var exitCode = Microsoft.Playwright.Program.Main(["install", "chromium"]);
            return exitCode == 0 ? null : $"`playwright install chromium` exited {exitCode}";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (string?)e.Message;
        }
    });
}
