using System.Net;
using Microsoft.Data.Sqlite;

namespace PushNotifi.Sandbox.Tests;

/// <summary>An endpoint that fails answers 500 in the JSON error shape, and the traffic log says 500.</summary>
public class ServerErrorTests
{
    [Fact]
    public async Task A_send_the_store_fails_on_is_a_json_500_and_is_recorded_as_500()
    {
        using var data = new DataFile();
        await using var sandbox = await data.StartAsync();
        using var client = Fake.Client(sandbox);
        DropTable(data.Path, "notifications");

        using var response = await client.SendToGroupAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal("internal_error", error.GetProperty("error").GetString());
        Assert.Contains("failed", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var record = Assert.Single(sandbox.Requests);
        Assert.Equal(500, record.StatusCode);
    }

    // A damaged file under a running sandbox: the key still checks out, storing the notification fails inside the endpoint.
    private static void DropTable(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP TABLE {table};";
        drop.ExecuteNonQuery();
    }
}
