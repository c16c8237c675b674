using Microsoft.Playwright;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// One headless Chromium for the browser tests, found or fetched by <see cref="ChromiumLocator"/>. Without one the
/// tests skip, saying how to get a browser; under <c>CI=true</c> they fail instead, so CI never passes without them.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _missing = "";

    /// <summary>The browser; skips the calling test when there is none (fails it under CI=true).</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is null)
            {
                if (Environment.GetEnvironmentVariable("CI") == "true")
                {
                    throw new InvalidOperationException($"CI=true and no browser: {_missing}");
                }

                Assert.Skip(_missing);
            }

            return _browser;
        }
    }

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        (_browser, _missing) = await ChromiumLocator.LaunchAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
