using Microsoft.Playwright;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// One headless Chromium for the browser tests. Playwright cannot download browsers here, so it drives
/// Debian's <c>/usr/bin/chromium</c> (installed by <c>.ci/run</c>).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ExecutablePath}, which is missing: run `apt-get install -y chromium` (bash .ci/run does it).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
