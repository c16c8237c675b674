using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PushNotifi.Sandbox.Tests;

/// <summary>The optional data file: what survives a restart, and what never reaches the file.</summary>
public class PersistenceTests
{
    [Fact]
    public async Task A_key_made_before_a_restart_still_works_after_it_and_a_revoked_one_stays_revoked()
    {
        using var data = new DataFile();
        string kept, revoked;
        await using (var first = await data.StartAsync())
        {
            using var admin = Fake.Client(first);
            (_, kept) = await ApiKeyTests.CreateAsync(admin, "ci", "send");
            (var revokedId, revoked) = await ApiKeyTests.CreateAsync(admin, "old laptop", "full");
            using var revoke = await admin.DeleteAsync($"/api/v1/api-keys/{revokedId}");
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        await using var second = await data.StartAsync();
        using var withKept = await Fake.Client(second, kept).SendToGroupAsync();
        using var withRevoked = await Fake.Client(second, revoked).SendToGroupAsync();
        using var list = await Fake.Client(second).GetAsync("/api/v1/api-keys");
        var keys = (await list.JsonAsync()).GetProperty("api_keys").EnumerateArray()
            .Select(k => (k.GetProperty("label").GetString(), k.GetProperty("active").GetBoolean()))
            .ToArray();

        Assert.Equal(HttpStatusCode.OK, withKept.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withRevoked.StatusCode);
        Assert.Equal([("PUSHNOTIFI_USER_KEY", true), ("ci", true), ("old laptop", false)], keys);
    }

    [Fact]
    public async Task A_keys_last_use_is_written_to_the_data_file_and_read_back_after_a_restart()
    {
        using var data = new DataFile();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));
        var options = data.Options();
        options.TimeProvider = clock;
        string id;
        await using (var first = await SandboxServer.StartAsync(options))
        {
            using var admin = Fake.Client(first);
            (id, var key) = await ApiKeyTests.CreateAsync(admin, "ci", "send");
            clock.Advance(TimeSpan.FromMinutes(5));
            using var sent = await Fake.Client(first, key).SendToGroupAsync();
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        await using var second = await data.StartAsync();
        using var again = Fake.Client(second);
        var listed = ApiKeyTests.Key(await ApiKeyTests.ListAsync(again), id);

        Assert.Equal(clock.GetUtcNow(), listed.GetProperty("last_used_at").GetDateTimeOffset());
        Assert.True(listed.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Notifications_an_acked_alert_and_delivered_idempotency_keys_survive_a_restart()
    {
        using var data = new DataFile();
        string alertId;
        await using (var first = await data.StartAsync())
        {
            using var client = Fake.Client(first);
            using var sent = await client.SendToGroupAsync("Disk almost full", idempotencyKey: "disk-1");
            alertId = await client.SendAlertAsync("approve_deny");
            using var ack = await client.AckAsync(alertId, """{"device_id":"phone-1","response":"Approve","comment":"ship it"}""");
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await using var second = await data.StartAsync();
        using var again = Fake.Client(second);
        var status = await (await again.GetAsync($"/api/v1/alerts/{alertId}/status")).JsonAsync();
        var retry = await (await again.SendToGroupAsync("Disk almost full", idempotencyKey: "disk-1")).JsonAsync();
        var next = await (await again.SendToGroupAsync("Disk full")).JsonAsync();

        Assert.Equal(["Disk almost full", "Deploy to production?", "Disk full"], second.Notifications.Select(n => n.Message));
        Assert.Equal((true, "phone-1", "Approve", "ship it"), (
            status.GetProperty("acked").GetBoolean(), status.GetProperty("acked_by_device_id").GetString(),
            status.GetProperty("response").GetString(), status.GetProperty("comment").GetString()));
        Assert.Equal(("n_1", true), (retry.GetProperty("id").GetString(), retry.GetProperty("duplicate").GetBoolean()));
        Assert.Equal("n_3", next.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_data_file_holds_no_key_and_no_key_prefix_in_any_table_or_byte()
    {
        using var data = new DataFile();
        var keys = new List<string> { Fake.UserKey, Fake.GroupKey, Fake.ApplicationKey, Fake.WebhookToken };
        await using (var sandbox = await data.StartAsync())
        {
            using var admin = Fake.Client(sandbox);
            var (sendId, sendKey) = await ApiKeyTests.CreateAsync(admin, "ci", "send");
            var (_, fullKey) = await ApiKeyTests.CreateAsync(admin, "ops", "full");
            using var rotate = await admin.PostAsync($"/api/v1/api-keys/{sendId}/rotate", null);
            var rotated = (await rotate.JsonAsync()).GetProperty("key").GetString()!;
            keys.AddRange([sendKey, fullKey, rotated]);

            using var withRotated = Fake.Client(sandbox, rotated);
            withRotated.DefaultRequestHeaders.Add("X-Debug-Echo", rotated);
            using var pasted = await withRotated.PostJsonAsync("/api/v1/message",
                $$"""{"type":"user","send_to_key":"{{Fake.UserKey}}","message":"my key is {{rotated}}","application_key":"{{Fake.ApplicationKey}}","title":"group {{Fake.GroupKey}}"}""");
            Assert.Equal(HttpStatusCode.OK, pasted.StatusCode);
            using var byWebhook = await new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) }
                .PostJsonAsync($"/api/v1/webhooks/incoming/{Fake.WebhookToken}", """{"message":"from the webhook"}""");
            Assert.Equal(HttpStatusCode.OK, byWebhook.StatusCode);
            var alertId = await Fake.Client(sandbox, fullKey).SendAlertAsync("yes_no");
            using var ack = await Fake.Client(sandbox, fullKey).AckAsync(alertId, """{"device_id":"phone-1","response":"Yes"}""");
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        var cells = AllCells(data.Path);
        var bytes = string.Join("\n", Directory.GetFiles(data.Folder, "sandbox.db*")
            .Where(f => !f.EndsWith(".pepper", StringComparison.Ordinal))
            .Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));

        Assert.Contains(cells, c => c.Contains("my key is …" + keys[^1][^4..], StringComparison.Ordinal));
        Assert.All(keys, key =>
        {
            Assert.DoesNotContain(cells, c => c.Contains(key[..8], StringComparison.Ordinal));
            Assert.DoesNotContain(key[..8], bytes, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_pepper_lives_beside_the_data_file_readable_by_its_owner_only_and_never_inside_it()
    {
        using var data = new DataFile();
        await using (var sandbox = await data.StartAsync())
        {
            await ApiKeyTests.CreateAsync(Fake.Client(sandbox), "ci", "send");
        }

        var pepper = await File.ReadAllBytesAsync(data.Path + ".pepper");
        var file = await File.ReadAllBytesAsync(data.Path);

        Assert.Equal(32, pepper.Length);
        Assert.Equal(-1, file.AsSpan().IndexOf(pepper));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(data.Path + ".pepper"));
        }
    }

    [Fact]
    public void A_data_file_makes_up_the_same_fake_keys_on_every_start_and_stores_none()
    {
        using var data = new DataFile();
        var first = new SandboxOptions { DataFile = data.Path };
        var second = new SandboxOptions { DataFile = data.Path };
        var inMemory = new SandboxOptions();

        first.WithFakeKeys();
        second.WithFakeKeys();
        inMemory.WithFakeKeys();

        Assert.Equal((first.UserKey, first.GroupKey, first.WebhookToken), (second.UserKey, second.GroupKey, second.WebhookToken));
        Assert.NotEqual(first.UserKey, inMemory.UserKey);
        Assert.Matches("^uSANDBOX[A-Za-z0-9]{24}$", first.UserKey);
        Assert.Empty(AllCells(data.Path));
    }

    [Fact]
    public async Task A_corrupt_data_file_fails_at_start_naming_the_file_and_what_to_do()
    {
        using var data = new DataFile();
        await File.WriteAllTextAsync(data.Path, "this is not a database, just some text that is long enough to be a header........");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => data.StartAsync());

        Assert.Contains(data.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("Move it away", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_file_that_cannot_be_opened_fails_at_start_naming_the_file_and_what_to_do()
    {
        using var data = new DataFile();
        var options = data.Options();
        options.DataFile = Path.Combine(data.Folder, "missing-folder", "sandbox.db");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxServer.StartAsync(options));

        Assert.Contains(options.DataFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be opened for reading and writing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check that its folder exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_keys_without_their_pepper_fail_at_start_saying_to_restore_it()
    {
        using var data = new DataFile();
        await using (var sandbox = await data.StartAsync())
        {
            await ApiKeyTests.CreateAsync(Fake.Client(sandbox), "ci", "send");
        }

        File.Delete(data.Path + ".pepper");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => data.StartAsync());

        Assert.Contains(data.Path + ".pepper", error.Message, StringComparison.Ordinal);
        Assert.Contains("Restore the pepper file", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every value of every column of every table, as text (blobs as Latin-1 and hex).</summary>
    private static List<string> AllCells(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var cells = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\";";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(reader.GetValue(i) switch
                    {
                        byte[] blob => Encoding.Latin1.GetString(blob) + "\n" + Convert.ToHexString(blob),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    });
                }
            }
        }

        return cells;
    }
}
