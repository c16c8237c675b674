using PushNotifi.Sandbox.Store;

namespace PushNotifi.Sandbox.Keys;

/// <summary>
/// The pepper of a data file lives beside it, in <c>&lt;file&gt;.pepper</c> (32 random bytes, owner-only on Unix), never
/// inside it: a copied or leaked database alone does not let anyone test guesses against the stored HMACs.
/// </summary>
internal static class PepperFile
{
    /// <summary>Where the pepper of <paramref name="dataFile"/> lives.</summary>
    public static string PathFor(string dataFile) => Path.GetFullPath(dataFile) + ".pepper";

    /// <summary>
    /// Reads the pepper beside the data file, or makes one while the file holds no key (a new pepper would strand the
    /// stored hashes).
    /// </summary>
    /// <exception cref="InvalidOperationException">The pepper is missing for stored keys, or unreadable; the message says what to do.</exception>
    public static byte[] LoadOrCreate(SqliteDatabase database)
    {
        var path = PathFor(database.Path);
        try
        {
            if (File.Exists(path))
            {
                var pepper = File.ReadAllBytes(path);
                return pepper.Length == KeyHasher.PepperLength
                    ? pepper
                    : throw new InvalidOperationException(
                        $"The sandbox pepper file {path} is damaged ({pepper.Length} bytes, not {KeyHasher.PepperLength}). Restore it, or move {database.Path} and the pepper file away to start with an empty data file.");
            }

            if (database.HasKeys())
            {
                throw new InvalidOperationException(
                    $"The sandbox data file {database.Path} holds API keys, but its pepper file {path} is missing, so no stored key can be checked. Restore the pepper file, or move the data file away to start with an empty one.");
            }

            var created = KeyHasher.NewPepper();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            {
                stream.Write(created);
            }

            return created;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The sandbox pepper file {path} cannot be read or written ({e.Message}). Check that the sandbox may read and write it, or pass another data file.", e);
        }
    }
}
