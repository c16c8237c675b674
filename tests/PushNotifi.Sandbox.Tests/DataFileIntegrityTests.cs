using System.Net;
using Microsoft.Data.Sqlite;

namespace PushNotifi.Sandbox.Tests;

/// <summary>The data file is checked when opened, written ahead, and readable by its owner only.</summary>
public class DataFileIntegrityTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task A_data_file_with_every_seventh_page_overwritten_stops_the_sandbox_at_start_naming_the_file()
    {
        using var data = new DataFile();
        await using (var sandbox = await data.StartAsync())
        {
            using var client = Fake.Client(sandbox);
            for (var i = 0; i < 100; i++)
            {
                using var sent = await client.SendToGroupAsync($"notification {i} " + new string('x', 900));
                Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            }
        }

        var pageSize = PageSize(data.Path);
        var file = await File.ReadAllBytesAsync(data.Path);
        Assert.True(file.Length / pageSize > 14, $"The file has only {file.Length / pageSize} pages.");
        var garbage = new Random(7);
        for (var page = 6; (page + 1) * pageSize <= file.Length; page += 7)
        {
            garbage.NextBytes(file.AsSpan(page * pageSize, pageSize));
        }

        await File.WriteAllBytesAsync(data.Path, file);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => data.StartAsync());

        Assert.Contains(data.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("quick_check", error.Message, StringComparison.Ordinal);
        Assert.Contains("move it away", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_standalone_sandbox_exits_non_zero_on_a_damaged_data_file_naming_it()
    {
        using var data = new DataFile();
        await using (var sandbox = await data.StartAsync())
        {
            using var client = Fake.Client(sandbox);
            for (var i = 0; i < 50; i++)
            {
                (await client.SendToGroupAsync($"notification {i} " + new string('x', 900))).Dispose();
            }
        }

        var pageSize = PageSize(data.Path);
        await using (var file = new FileStream(data.Path, FileMode.Open, FileAccess.Write))
        {
            file.Position = 6L * pageSize;
            file.Write(new byte[pageSize].Select((_, i) => (byte)(i * 31)).ToArray());
        }

        await using var process = StandaloneProcess.Start(
            new Dictionary<string, string> { ["PUSHNOTIFI_USER_KEY"] = Fake.UserKey },
            "--urls", $"http://127.0.0.1:{FreePort.Next()}", "--data", data.Path);
        // The bound only stops a sandbox that started anyway from hanging the test.
        await process.WaitForExitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("pushnotifi-sandbox: The sandbox data file " + data.Path, process.Output, StringComparison.Ordinal);
        Assert.Contains("damaged", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_file_and_its_wal_and_shared_memory_files_are_created_owner_only()
    {
        using var data = new DataFile();
        await using var sandbox = await data.StartAsync();
        (await Fake.Client(sandbox).SendToGroupAsync()).Dispose();

        var files = new[] { "", "-wal", "-shm" }.Select(suffix => data.Path + suffix).ToArray();

        Assert.All(files, path => Assert.True(File.Exists(path), path));
        if (!OperatingSystem.IsWindows())
        {
            var modes = new List<(string, UnixFileMode)>();
            foreach (var path in files)
            {
                modes.Add((path, File.GetUnixFileMode(path)));
            }

            Assert.Equal(files.Select(path => (path, OwnerOnly)), modes);
        }
    }

    [Fact]
    public async Task An_existing_data_file_readable_by_others_is_made_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var data = new DataFile();
        await using (var first = await data.StartAsync())
        {
        }

        File.SetUnixFileMode(data.Path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var second = await data.StartAsync();

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(data.Path));
    }

    [Fact]
    public async Task The_data_file_is_written_ahead_with_a_log()
    {
        using var data = new DataFile();
        await using (var sandbox = await data.StartAsync())
        {
        }

        using var connection = new SqliteConnection($"Data Source={data.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    private static int PageSize(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
