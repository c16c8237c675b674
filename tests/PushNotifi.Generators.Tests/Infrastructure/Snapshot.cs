using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace PushNotifi.Generators.Tests.Infrastructure;

/// <summary>
/// Compares text with a checked-in <c>Snapshots/{name}.verified.cs</c>. Set PUSHNOTIFI_ACCEPT_SNAPSHOTS=1 to
/// rewrite the files instead; on a mismatch the failure shows a line diff and a <c>.received.cs</c> is written.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "PUSHNOTIFI_ACCEPT_SNAPSHOTS";

    /// <summary>The version the generator writes into [GeneratedCode]; snapshots hold a placeholder instead.</summary>
    public static readonly string GeneratorVersion = typeof(PushNotifiAlertGenerator).Assembly.GetName().Version!.ToString();

    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        // A version bump must not rewrite every baseline.
        actual = Regex.Replace(actual, "(GeneratedCode\\(\"PushNotifi\\.Generators\", \")[^\"]*(\"\\))", "$1{version}$2");
        var folder = Path.Combine(FindProjectFolder(callerPath), "Snapshots");
        var verified = Path.Combine(folder, name + ".verified.cs");
        var received = Path.Combine(folder, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified}. Run with {AcceptVariable}=1 to create it. Received:\n{actual}"
            : $"Snapshot {name} differs ({AcceptVariable}=1 accepts):\n{Diff(expected, actual)}");
    }

    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var builder = new StringBuilder();
        var max = Math.Max(a.Length, b.Length);
        var shown = 0;
        for (var i = 0; i < max && shown < 40; i++)
        {
            var left = i < a.Length ? a[i] : null;
            var right = i < b.Length ? b[i] : null;
            if (left == right)
            {
                continue;
            }

            shown++;
            builder.Append("line ").Append(i + 1).Append('\n');
            if (left is not null)
            {
                builder.Append("- ").Append(left).Append('\n');
            }

            if (right is not null)
            {
                builder.Append("+ ").Append(right).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string FindProjectFolder(string callerPath)
    {
        var directory = Path.GetDirectoryName(callerPath);
        while (directory is not null && !File.Exists(Path.Combine(directory, "PushNotifi.Generators.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("Test project folder not found from " + callerPath);
    }
}
