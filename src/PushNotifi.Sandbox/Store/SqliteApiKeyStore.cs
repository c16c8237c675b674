using System.Globalization;
using Microsoft.Data.Sqlite;
using PushNotifi.Sandbox.Keys;

namespace PushNotifi.Sandbox.Store;

/// <summary>
/// Account API keys in the data file: the account's opaque number, the HMAC and the last 4 characters, never the key
/// or any prefix of it.
/// </summary>
internal sealed class SqliteApiKeyStore(SqliteDatabase database) : IApiKeyStore
{
    public IReadOnlyList<ApiKeyRecord> All()
    {
        lock (database.Gate)
        {
            using var command = database.Command(
                "SELECT id, account, label, scope, hash, last_four, created_at, last_used_at, revoked_at FROM api_keys ORDER BY rowid;");
            using var reader = command.ExecuteReader();
            var records = new List<ApiKeyRecord>();
            while (reader.Read())
            {
                records.Add(new ApiKeyRecord
                {
                    Id = reader.GetString(0),
                    Account = reader.GetInt32(1),
                    Label = reader.GetString(2),
                    Scope = reader.GetString(3),
                    Hash = (byte[])reader.GetValue(4),
                    LastFour = reader.GetString(5),
                    CreatedAt = Time(reader.GetString(6)),
                    LastUsedAt = reader.IsDBNull(7) ? null : Time(reader.GetString(7)),
                    RevokedAt = reader.IsDBNull(8) ? null : Time(reader.GetString(8)),
                });
            }

            return records;
        }
    }

    public void Add(ApiKeyRecord record)
    {
        lock (database.Gate)
        {
            using var command = database.Command("""
                INSERT INTO api_keys (id, account, label, scope, hash, last_four, created_at, last_used_at, revoked_at)
                VALUES ($id, $account, $label, $scope, $hash, $last_four, $created_at, $last_used_at, $revoked_at);
                """);
            Bind(command, record);
            command.ExecuteNonQuery();
        }
    }

    public void Update(ApiKeyRecord record)
    {
        lock (database.Gate)
        {
            using var command = database.Command("""
                UPDATE api_keys SET account = $account, label = $label, scope = $scope, hash = $hash, last_four = $last_four,
                    created_at = $created_at, last_used_at = $last_used_at, revoked_at = $revoked_at
                WHERE id = $id;
                """);
            Bind(command, record);
            command.ExecuteNonQuery();
        }
    }

    public void Touch(string id, DateTimeOffset at)
    {
        lock (database.Gate)
        {
            using var command = database.Command("UPDATE api_keys SET last_used_at = $last_used_at WHERE id = $id;");
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$last_used_at", Text(at));
            command.ExecuteNonQuery();
        }
    }

    private static void Bind(SqliteCommand command, ApiKeyRecord record)
    {
        command.Parameters.AddWithValue("$id", record.Id);
        command.Parameters.AddWithValue("$account", record.Account);
        command.Parameters.AddWithValue("$label", record.Label);
        command.Parameters.AddWithValue("$scope", record.Scope);
        command.Parameters.AddWithValue("$hash", record.Hash);
        command.Parameters.AddWithValue("$last_four", record.LastFour);
        command.Parameters.AddWithValue("$created_at", Text(record.CreatedAt));
        command.Parameters.AddWithValue("$last_used_at", Text(record.LastUsedAt));
        command.Parameters.AddWithValue("$revoked_at", Text(record.RevokedAt));
    }

    private static object Text(DateTimeOffset? time) =>
        time is { } t ? t.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
