namespace PushNotifi.Cli.Init;

/// <summary>
/// Writes several files all-or-nothing: every new content goes to a temporary file beside its
/// target first, and only when all of them are written are they renamed over the targets.
/// A read-only target is refused even where the OS would let the current user write it (root).
/// </summary>
internal sealed class StagedFileWriter : IDisposable
{
    private readonly List<(string Temporary, string Target)> staged = [];

    /// <summary>Stages <paramref name="changes"/>; returns the path and OS error of the first file that cannot be written, or null.</summary>
    public (string Path, string Error)? Stage(IEnumerable<FileChange> changes)
    {
        foreach (var change in changes)
        {
            var target = ResolveTarget(change.Path);
            try
            {
                var existing = new FileInfo(target);
                if (existing.Exists)
                {
                    if (existing.IsReadOnly)
                    {
                        throw new UnauthorizedAccessException($"Access to the path '{target}' is denied: the file is read-only.");
                    }

                    // Opening for write without truncating surfaces permission errors before anything changes.
                    using (new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                    {
                    }
                }

                var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.pushnotifi-{Guid.NewGuid():N}.tmp");
                staged.Add((temporary, target));
                File.WriteAllBytes(temporary, change.Content);
                if (existing.Exists && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Discard();
                return (change.Path, exception.Message);
            }
        }

        return null;
    }

    /// <summary>Renames every staged file over its target.</summary>
    public void Commit()
    {
        foreach (var (temporary, target) in staged)
        {
            File.Move(temporary, target, overwrite: true);
        }

        staged.Clear();
    }

    /// <summary>Deletes the staged temporary files, leaving every target as it was.</summary>
    public void Discard()
    {
        foreach (var (temporary, _) in staged)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary file is harmless, the target is untouched.
            }
        }

        staged.Clear();
    }

    /// <inheritdoc />
    public void Dispose() => Discard();

    /// <summary>Writes through a symbolic link to the file it points at, so the link survives.</summary>
    private static string ResolveTarget(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } final
            ? final.FullName
            : info.FullName;
    }
}
