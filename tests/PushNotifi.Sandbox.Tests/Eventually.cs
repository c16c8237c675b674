namespace PushNotifi.Sandbox.Tests;

/// <summary>Waits for a condition another thread makes true; the bound only stops a hung test.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (bound.IsCancellationRequested)
            {
                Assert.Fail("Timed out waiting until " + what);
            }

            await Task.Delay(10);
        }
    }
}
