using Microsoft.Data.Sqlite;

namespace PushNotifi.Sandbox.Store;

/// <summary>
/// The sandbox's data file (<see cref="SandboxOptions.DataFile"/>): one SQLite connection, shared by the key and
/// notification stores under one lock, with the schema made on first use. The file is owner-only on Unix (its WAL and
/// shared-memory files take its mode), written ahead (WAL) and checked (<c>PRAGMA quick_check</c>) when opened. A file
/// that cannot be used or is damaged fails at start with a message that names it and says what to do.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    /// <summary>The schema this build writes (<c>PRAGMA user_version</c>).</summary>
    public const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id TEXT PRIMARY KEY,
            account INTEGER NOT NULL,
            label TEXT NOT NULL,
            scope TEXT NOT NULL,
            hash BLOB NOT NULL,
            last_four TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_used_at TEXT,
            revoked_at TEXT);
        CREATE TABLE IF NOT EXISTS notifications (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            account INTEGER,
            alert_id TEXT UNIQUE,
            idempotency_key TEXT,
            document TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS notifications_by_idempotency_key ON notifications (account, idempotency_key);
        CREATE TABLE IF NOT EXISTS counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL);
        PRAGMA user_version = 1;
        """;

    private readonly SqliteConnection _connection;

    private SqliteDatabase(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The data file's full path.</summary>
    public string Path { get; }

    /// <summary>Serializes every use of the one connection.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Opens (or creates) the data file and checks that it is a sandbox data file this build can read.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be used; the message names it and the fix.</exception>
    public static SqliteDatabase Open(string dataFile)
    {
        var path = System.IO.Path.GetFullPath(dataFile);
        if (Directory.Exists(path))
        {
            throw Unusable(path, "it is a folder", "Pass the path of a file inside it instead.");
        }

        try
        {
            OwnerOnly(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unusable(path, "it cannot be opened for reading and writing (" + e.Message + ")", "Check that its folder exists and that the sandbox may read and write both, or pass another data file.", e);
        }

        // No pooling: disposing the sandbox really closes the file, so it can be copied, inspected or reopened.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            var version = Scalar(connection, "PRAGMA user_version;");
            if (version > SchemaVersion)
            {
                throw Unusable(path, $"it was written by a newer sandbox (schema {version}; this one reads {SchemaVersion})", "Use the newer sandbox, or pass another data file.");
            }

            if (version == 0 && Scalar(connection, "SELECT count(*) FROM sqlite_master;") > 0)
            {
                throw Unusable(path, "it is a SQLite database, but not a sandbox data file", StartOver);
            }

            CheckIntegrity(connection, path);

            // WAL: a send appends to the log instead of rewriting pages. synchronous=NORMAL syncs at checkpoints only:
            // a killed sandbox loses nothing and the file cannot be corrupted; only a power cut may drop the last sends.
            using var create = connection.CreateCommand();
            create.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;" + Schema;
            create.ExecuteNonQuery();
            return new SqliteDatabase(path, connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw e.SqliteErrorCode switch
            {
                // SQLITE_NOTADB, SQLITE_CORRUPT (also what quick_check throws for a page it cannot read at all)
                26 or 11 => Unusable(path, "it is not a SQLite database or it is damaged", StartOver, e),
                // SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR
                14 or 3 or 8 or 10 => Unusable(path, "it cannot be opened for reading and writing (" + e.Message + ")", "Check that its folder exists and that the sandbox may read and write both, or pass another data file.", e),
                _ => Unusable(path, e.Message, StartOver, e),
            };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A command on the one connection; call under <see cref="Gate"/>.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Starts a transaction on the one connection; call under <see cref="Gate"/>.</summary>
    public SqliteTransaction BeginTransaction() => _connection.BeginTransaction();

    /// <summary>Whether the file holds any API key (so a lost pepper would strand them).</summary>
    public bool HasKeys()
    {
        lock (Gate)
        {
            return Scalar(_connection, "SELECT count(*) FROM api_keys;") > 0;
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The error for a data file the sandbox cannot use: which file, why, and what to do.</summary>
    public static InvalidOperationException Unusable(string path, string why, string fix, Exception? inner = null) =>
        new($"The sandbox data file {path} cannot be used: {why}. {fix}", inner);

    /// <summary>
    /// Makes a new data file owner-only before SQLite creates it (SQLite gives its WAL, shared-memory and journal files
    /// the data file's mode), and takes group and other access away from an existing one.
    /// </summary>
    private static void OwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = ownerOnly,
            });
        }
        else if ((File.GetUnixFileMode(path) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) != 0)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & ownerOnly);
        }

        foreach (var companion in new[] { "-wal", "-shm", "-journal" })
        {
            if (File.Exists(path + companion))
            {
                File.SetUnixFileMode(path + companion, ownerOnly);
            }
        }
    }

    /// <summary>
    /// <c>quick_check</c> rather than <c>integrity_check</c>: it reads every page and checks the b-trees and records,
    /// skipping only the index-to-table cross-check, so it finds damaged pages at a fraction of the cost.
    /// </summary>
    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check(1);";
        var result = Convert.ToString(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw Unusable(path, $"it is damaged (SQLite's quick_check says: {result})", Damaged);
        }
    }

    private const string Damaged = "Restore it from a copy, or move it away (with its .pepper file) to start with an empty one, or pass another data file.";

    private const string StartOver = "Move it away (or delete it) to start with an empty one, or pass another data file.";

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
