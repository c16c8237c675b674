namespace PushNotifi.Cli.Tests;

/// <summary>A fresh folder under the temp path, deleted (read-only files included) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pushnotifi-cli-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Every file below the folder and its bytes, for before/after comparisons.</summary>
    public SortedDictionary<string, byte[]> Snapshot() => new(
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(file => System.IO.Path.GetRelativePath(Path, file), System.IO.File.ReadAllBytes),
        StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                System.IO.File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers under the temp folder do not affect other tests.
        }
    }
}
