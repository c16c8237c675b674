using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PushNotifi.Sandbox.Tests;

/// <summary>Stored notifications are capped, oldest dropped first, in memory and in the data file; the inbox reads them a page at a time.</summary>
public class NotificationCapTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Past_the_cap_the_oldest_is_dropped_with_its_idempotency_key_and_its_alert(bool dataFile)
    {
        using var data = new DataFile();
        var options = dataFile ? data.Options() : Fake.Options();
        options.MaxNotifications = 3;
        await using var sandbox = await SandboxServer.StartAsync(options);
        using var client = Fake.Client(sandbox);

        var alertId = await client.SendAlertAsync();
        (await client.SendToGroupAsync("second", idempotencyKey: "run-2")).Dispose();
        for (var i = 3; i <= 5; i++)
        {
            (await client.SendToGroupAsync($"send {i}")).Dispose();
        }

        Assert.Equal(["n_3", "n_4", "n_5"], sandbox.Notifications.Select(n => n.Id));
        using var ack = await client.AckAsync(alertId, """{"device_id":"phone-1"}""");
        Assert.Equal(HttpStatusCode.NotFound, ack.StatusCode);
        using var status = await client.GetAsync($"/api/v1/alerts/{alertId}/status");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        // The dropped delivery's idempotency key is forgotten with it: a late retry is delivered again.
        var retried = await (await client.SendToGroupAsync("second", idempotencyKey: "run-2")).JsonAsync();
        Assert.Equal(("n_6", false), (retried.GetProperty("id").GetString(), retried.GetProperty("duplicate").GetBoolean()));
        Assert.Equal(["n_4", "n_5", "n_6"], sandbox.Notifications.Select(n => n.Id));
    }

    [Fact]
    public async Task In_memory_sends_with_large_attachments_drop_the_oldest_before_the_count_cap()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        var attachment = Convert.ToBase64String(new byte[SandboxLimits.AttachmentMaxBytes]);

        for (var i = 1; i <= 4; i++)
        {
            using var sent = await client.PostJsonAsync("/api/v1/message",
                $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"big {{i}}","attachment_base64":"{{attachment}}","attachment_type":"application/octet-stream"}""");
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        // Each keeps about 14 Mi characters (its body and its attachment): two fit under the budget, not three.
        var kept = sandbox.Notifications;
        Assert.Equal(["n_3", "n_4"], kept.Select(n => n.Id));
        Assert.True(kept.Sum(n => (long)n.RawBody.Length + n.AttachmentBase64!.Length) <= SandboxLimits.StoredBodiesMaxLength);
    }

    [Fact]
    public async Task With_a_data_file_sends_with_large_attachments_drop_the_oldest_before_the_count_cap_across_a_restart()
    {
        using var data = new DataFile();
        var attachment = Convert.ToBase64String(new byte[SandboxLimits.AttachmentMaxBytes]);
        async Task SendAsync(SandboxServer sandbox, int i)
        {
            using var client = Fake.Client(sandbox);
            using var sent = await client.PostJsonAsync("/api/v1/message",
                $$"""{"send_to_key":"{{Fake.GroupKey}}","message":"big {{i}}","attachment_base64":"{{attachment}}","attachment_type":"application/octet-stream"}""");
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        await using (var sandbox = await data.StartAsync())
        {
            for (var i = 1; i <= 3; i++)
            {
                await SendAsync(sandbox, i);
            }
        }

        await using var restarted = await data.StartAsync();
        await SendAsync(restarted, 4);

        // A stored document holds the body and the attachment, about 14 Mi characters: two fit under the budget.
        Assert.Equal(["n_3", "n_4"], restarted.Notifications.Select(n => n.Id));
    }

    [Fact]
    public async Task The_data_file_holds_no_more_rows_than_the_cap_across_a_restart()
    {
        using var data = new DataFile();
        var options = data.Options();
        options.MaxNotifications = 2;
        await using (var first = await SandboxServer.StartAsync(options))
        {
            using var client = Fake.Client(first);
            for (var i = 1; i <= 4; i++)
            {
                (await client.SendToGroupAsync($"send {i}")).Dispose();
            }
        }

        await using (var second = await SandboxServer.StartAsync(options))
        {
            (await Fake.Client(second).SendToGroupAsync("after the restart")).Dispose();
            Assert.Equal(["n_4", "n_5"], second.Notifications.Select(n => n.Id));
        }

        using var connection = new SqliteConnection($"Data Source={data.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM notifications;";
        Assert.Equal(2L, (long)count.ExecuteScalar()!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Notifications_page_back_from_the_newest_with_limit_and_before(bool dataFile)
    {
        using var data = new DataFile();
        await using var sandbox = await SandboxServer.StartAsync(dataFile ? data.Options() : Fake.Options());
        using var client = Fake.Client(sandbox);
        for (var i = 1; i <= 5; i++)
        {
            (await client.SendToGroupAsync($"send {i}")).Dispose();
        }

        (await client.DeleteAsync("/sandbox/notifications")).Dispose();
        for (var i = 6; i <= 10; i++)
        {
            (await client.SendToGroupAsync($"send {i}")).Dispose();
        }

        Assert.Equal(["n_9", "n_10"], await IdsAsync(client, "/sandbox/notifications?limit=2"));
        Assert.Equal(["n_7", "n_8"], await IdsAsync(client, "/sandbox/notifications?limit=2&before=n_9"));
        Assert.Equal(["n_6"], await IdsAsync(client, "/sandbox/notifications?limit=2&before=7"));
        Assert.Empty(await IdsAsync(client, "/sandbox/notifications?limit=2&before=n_6"));
        Assert.Equal(["n_6", "n_7", "n_8", "n_9", "n_10"], await IdsAsync(client, "/sandbox/notifications"));
        Assert.Equal(["n_6", "n_7", "n_8", "n_9", "n_10"], await IdsAsync(client, "/sandbox/notifications?before=n_11"));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("before=x_3", "before")]
    [InlineData("before=n_0", "before")]
    public async Task A_bad_page_is_a_400_naming_the_parameter(string query, string field)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        using var response = await client.GetAsync("/sandbox/notifications?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.JsonAsync()).GetProperty("field").GetString());
    }

    private static async Task<string[]> IdsAsync(HttpClient client, string path) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];
}
