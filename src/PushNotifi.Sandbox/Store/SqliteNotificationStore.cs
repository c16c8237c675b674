using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PushNotifi.Sandbox;

/// <summary>
/// Delivered notifications, alerts and acks in the data file, so an ack can still be read after a restart. Every key
/// is written as <c>…</c> plus its last 4 characters (send_to_key, raw body, headers, texts), the sending API key
/// included, so the file holds no key and no prefix of one; what it returns is what it wrote. Keeps the newest
/// <paramref name="maxNotifications"/> rows.
/// </summary>
internal sealed class SqliteNotificationStore(SqliteDatabase database, SandboxSecrets secrets, int maxNotifications) : INotificationStore
{
    private const string Delivered = "delivered";

    public IReadOnlyList<CapturedNotification> All()
    {
        lock (database.Gate)
        {
            using var command = database.Command("SELECT account, document FROM notifications ORDER BY seq;");
            return Read(command);
        }
    }

    public IReadOnlyList<CapturedNotification> Page(long? before, int limit)
    {
        lock (database.Gate)
        {
            // Rows go in in id order, so seq order is id order; the number is read from the id (n_N).
            using var command = database.Command("""
                SELECT account, document FROM (
                    SELECT seq, account, document FROM notifications
                    WHERE $before IS NULL OR CAST(substr(id, 3) AS INTEGER) < $before
                    ORDER BY seq DESC LIMIT $limit)
                ORDER BY seq;
                """);
            command.Parameters.AddWithValue("$before", (object?)before ?? DBNull.Value);
            command.Parameters.AddWithValue("$limit", limit);
            return Read(command);
        }
    }

    public string NextId()
    {
        lock (database.Gate)
        {
            using var command = database.Command("SELECT coalesce((SELECT value FROM counters WHERE name = $name), 0);");
            command.Parameters.AddWithValue("$name", Delivered);
            var delivered = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            return "n_" + (delivered + 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    public CapturedNotification? FindByIdempotencyKey(int? account, string idempotencyKey)
    {
        lock (database.Gate)
        {
            using var command = database.Command(
                "SELECT account, document FROM notifications WHERE account IS $account AND idempotency_key = $key ORDER BY seq LIMIT 1;");
            command.Parameters.AddWithValue("$account", (object?)account ?? DBNull.Value);
            command.Parameters.AddWithValue("$key", idempotencyKey);
            return Read(command).FirstOrDefault();
        }
    }

    public CapturedNotification? FindByAlertId(string alertId)
    {
        lock (database.Gate)
        {
            using var command = database.Command("SELECT account, document FROM notifications WHERE alert_id = $alert_id;");
            command.Parameters.AddWithValue("$alert_id", alertId);
            return Read(command).FirstOrDefault();
        }
    }

    public CapturedNotification Add(CapturedNotification notification, string? apiKey)
    {
        var stored = ForDisk(notification, apiKey);
        lock (database.Gate)
        {
            // One transaction: the row and the id counter move together.
            using var transaction = database.BeginTransaction();
            using (var insert = database.Command("""
                INSERT INTO notifications (id, account, alert_id, idempotency_key, document)
                VALUES ($id, $account, $alert_id, $idempotency_key, $document);
                """))
            {
                // Microsoft.Data.Sqlite wants the open transaction on every command inside it.
                insert.Transaction = transaction;
                insert.Parameters.AddWithValue("$id", stored.Id);
                insert.Parameters.AddWithValue("$account", (object?)stored.Account ?? DBNull.Value);
                insert.Parameters.AddWithValue("$alert_id", (object?)stored.AlertId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$idempotency_key", (object?)stored.IdempotencyKey ?? DBNull.Value);
                insert.Parameters.AddWithValue("$document", Serialize(stored));
                insert.ExecuteNonQuery();
            }

            using (var count = database.Command("""
                INSERT INTO counters (name, value) VALUES ($name, 1)
                ON CONFLICT (name) DO UPDATE SET value = value + 1;
                """))
            {
                count.Transaction = transaction;
                count.Parameters.AddWithValue("$name", Delivered);
                count.ExecuteNonQuery();
            }

            // The cap, in the same transaction: the oldest rows beyond it go with their alerts and idempotency keys.
            using (var drop = database.Command("""
                DELETE FROM notifications
                WHERE seq <= (SELECT seq FROM notifications ORDER BY seq DESC LIMIT 1 OFFSET $max);
                """))
            {
                drop.Transaction = transaction;
                drop.Parameters.AddWithValue("$max", maxNotifications);
                drop.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return stored;
    }

    public CapturedNotification Update(CapturedNotification notification)
    {
        var stored = ForDisk(notification, apiKey: null);
        lock (database.Gate)
        {
            using var command = database.Command("UPDATE notifications SET document = $document WHERE id = $id;");
            command.Parameters.AddWithValue("$id", stored.Id);
            command.Parameters.AddWithValue("$document", Serialize(stored));
            command.ExecuteNonQuery();
        }

        return stored;
    }

    public void Clear()
    {
        lock (database.Gate)
        {
            using var command = database.Command("DELETE FROM notifications;");
            command.ExecuteNonQuery();
        }
    }

    private CapturedNotification ForDisk(CapturedNotification n, string? apiKey)
    {
        // NotificationView hides every known and key-shaped key; the key the request came with is hidden here as well,
        // whatever its shape.
        if (!string.IsNullOrEmpty(apiKey))
        {
            n = n with
            {
                Message = Without(n.Message, apiKey)!,
                Title = Without(n.Title, apiKey),
                Url = Without(n.Url, apiKey),
                UrlTitle = Without(n.UrlTitle, apiKey),
                RawBody = Without(n.RawBody, apiKey)!,
                Headers = n.Headers.ToDictionary(h => h.Key, h => Without(h.Value, apiKey)!, StringComparer.OrdinalIgnoreCase),
                SendToKey = n.SendToKey == apiKey ? SandboxSecrets.LastFour(apiKey) : n.SendToKey,
            };
        }

        return NotificationView.Redact(secrets, n) with { Account = n.Account };
    }

    private static string? Without(string? text, string key) =>
        text?.Replace(key, SandboxSecrets.LastFour(key), StringComparison.Ordinal);

    private static string Serialize(CapturedNotification notification) =>
        JsonSerializer.Serialize(notification, StoreJsonContext.Readable.CapturedNotification);

    private static List<CapturedNotification> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var notifications = new List<CapturedNotification>();
        while (reader.Read())
        {
            var document = JsonSerializer.Deserialize(reader.GetString(1), StoreJsonContext.Readable.CapturedNotification)
                ?? throw new InvalidDataException("A stored notification is empty.");
            notifications.Add(document with { Account = reader.IsDBNull(0) ? null : reader.GetInt32(0) });
        }

        return notifications;
    }
}
