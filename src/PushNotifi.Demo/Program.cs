// The README's main job: the whole newcomer journey with the template pack, in a temporary folder, against the
// embedded sandbox. `--keep` leaves the folder for a look around.
using PushNotifi.Demo;

var keep = args.Contains("--keep");
var root = Path.Combine(Path.GetTempPath(), "pushnotifi-demo-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    return await new Journey(root, Console.Out).RunAsync();
}
catch (Exception ex) when (ex is JourneyException or TimeoutException)
{
    await Console.Error.WriteLineAsync("Demo failed: " + ex.Message);
    return 2;
}
finally
{
    if (keep)
    {
        Console.WriteLine($"Kept {root}");
    }
    else if (Directory.Exists(root))
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans its temp folder.
        }
    }
}
