namespace PushNotifi.Sandbox.Tests;

public sealed class ChromiumLocatorTests
{
    [Fact]
    public void A_system_chromium_in_usr_bin_comes_before_any_on_the_path()
    {
        var installed = new HashSet<string> { "/usr/bin/chromium", "/opt/a/chromium" };

        Assert.Equal("/usr/bin/chromium", ChromiumLocator.SystemExecutable("/opt/a", installed.Contains));
    }

    [Fact]
    public void On_the_path_chromium_comes_before_chromium_browser_and_that_before_google_chrome_whatever_the_folder_order()
    {
        var installed = new HashSet<string> { "/opt/a/google-chrome", "/opt/b/chromium-browser", "/opt/c/chromium" };

        Assert.Equal("/opt/c/chromium", ChromiumLocator.SystemExecutable(string.Join(Path.PathSeparator, "/opt/a", "/opt/b", "/opt/c"), installed.Contains));
        installed.Remove("/opt/c/chromium");
        Assert.Equal("/opt/b/chromium-browser", ChromiumLocator.SystemExecutable(string.Join(Path.PathSeparator, "/opt/a", "/opt/b"), installed.Contains));
    }

    [Fact]
    public void Without_any_system_browser_none_is_found()
    {
        Assert.Null(ChromiumLocator.SystemExecutable("/opt/a", _ => false));
        Assert.Null(ChromiumLocator.SystemExecutable(null, _ => false));
    }
}
