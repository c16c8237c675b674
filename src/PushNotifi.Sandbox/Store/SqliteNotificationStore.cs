using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PushNotifi.Sandbox.Inspection;
using PushNotifi.Sandbox.Keys;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Store;

/// <summary>
/// Delivered notifications, alerts and acks in the data file, so an ack can still be read after a restart. Every key
/// is written as <c>…</c> plus its last 4 characters (send_to_key, raw body, headers, texts), the sending API key
/// included, so the file holds no key and no prefix of one; what it returns is what it wrote. Keeps the newest
/// <paramref name="maxNotifications"/> rows, and documents of at most <see cref="SandboxLimits.StoredBodiesMaxLength"/>
/// characters in all.
/// </summary>
internal sealed class SqliteNotificationStore(SqliteDatabase database, SandboxSecrets secrets, KeyHasher hasher, int maxNotifications) : INotificationStore
{
    private const string Delivered = "delivered";

    private long? _delivered;
    private SqliteCommand? _insert;
    private SqliteCommand? _drop;
    private SqliteCommand? _dropOldest;
    private long? _documents;
    private SqliteCommand? _count;

    // The transaction of a group of deliveries (see Batch): Add joins it instead of committing its own.
    private SqliteTransaction? _group;

    /// <summary>Commits of deliveries so far, for tests: a group of them is one.</summary>
    internal long Commits { get; private set; }

    public void Batch(Action deliveries)
    {
        lock (database.Gate)
        {
            using var group = database.BeginTransaction();
            _group = group;
            try
            {
                deliveries();
                group.Commit();
                Commits++;
            }
            catch
            {
                // Rolled back when disposed: what was counted for the group is read from the file again.
                _delivered = null;
                _documents = null;
                throw;
            }
            finally
            {
                _group = null;
            }
        }
    }

    public IReadOnlyList<CapturedNotification> All()
    {
        lock (database.Gate)
        {
            using var command = Command("SELECT account, document FROM notifications ORDER BY seq;");
            return Read(command);
        }
    }

    public IReadOnlyList<CapturedNotification> Page(long? before, int limit)
    {
        lock (database.Gate)
        {
            // Rows go in in id order, so seq order is id order; the number is read from the id (n_N).
            using var command = Command("""
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
            return "n_" + (DeliveredSoFar() + 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    // Read from the file once, then counted here: only this store writes the counter. Call under the gate.
    private long DeliveredSoFar()
    {
        if (_delivered is { } delivered)
        {
            return delivered;
        }

        using var command = Command("SELECT coalesce((SELECT value FROM counters WHERE name = $name), 0);");
        command.Parameters.AddWithValue("$name", Delivered);
        _delivered = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return _delivered.Value;
    }

    // Microsoft.Data.Sqlite wants the open transaction, if any, on every command.
    private SqliteCommand Command(string sql)
    {
        var command = database.Command(sql);
        command.Transaction = _group;
        return command;
    }

    private SqliteCommand Prepared(string sql, params string[] parameters)
    {
        var command = database.Command(sql);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    public CapturedNotification? FindByIdempotencyKey(int? account, string idempotencyKey)
    {
        lock (database.Gate)
        {
            using var command = Command(
                "SELECT account, document FROM notifications WHERE account IS $account AND idempotency_key = $key ORDER BY seq LIMIT 1;");
            command.Parameters.AddWithValue("$account", (object?)account ?? DBNull.Value);
            command.Parameters.AddWithValue("$key", IndexedKey(idempotencyKey));
            return Read(command).FirstOrDefault();
        }
    }

    public CapturedNotification? FindByAlertId(string alertId)
    {
        lock (database.Gate)
        {
            using var command = Command("SELECT account, document FROM notifications WHERE alert_id = $alert_id;");
            command.Parameters.AddWithValue("$alert_id", alertId);
            return Read(command).FirstOrDefault();
        }
    }

    public CapturedNotification Add(CapturedNotification notification, string? apiKey)
    {
        var stored = ForDisk(notification, apiKey);
        lock (database.Gate)
        {
            // Made once and kept: Microsoft.Data.Sqlite prepares a command's statements again only when its text changes.
            _insert ??= Prepared("""
                INSERT INTO notifications (id, account, alert_id, idempotency_key, document)
                VALUES ($id, $account, $alert_id, $idempotency_key, $document) RETURNING seq;
                """, "$id", "$account", "$alert_id", "$idempotency_key", "$document");

            // The cap: the oldest rows beyond it go with their alerts and idempotency keys. Rows are only appended, and
            // removed oldest first or all at once, so the kept seqs are consecutive: the cut is a range on the primary
            // key, not a count (an OFFSET scan made --data 24x slower than memory).
            _drop ??= Prepared("DELETE FROM notifications WHERE seq <= $newest - $max RETURNING length(document);", "$newest", "$max");
            // The budget, as in memory: documents hold bodies and attachments (a 5 MiB attachment is some 14 Mi characters),
            // and a page of them is read into memory whole.
            _dropOldest ??= Prepared("""
                DELETE FROM notifications WHERE seq = (SELECT min(seq) FROM notifications) AND seq < $newest
                RETURNING length(document);
                """, "$newest");
            _count ??= Prepared("""
                INSERT INTO counters (name, value) VALUES ($name, 1)
                ON CONFLICT (name) DO UPDATE SET value = value + 1;
                """, "$name");

            // One transaction: the row, the cap and the id counter move together. In a group, the group's, committed
            // once for all of them.
            using var own = _group is null ? database.BeginTransaction() : null;
            var transaction = _group ?? own!;
            // Microsoft.Data.Sqlite wants the open transaction on every command inside it.
            _insert.Transaction = _drop.Transaction = _dropOldest.Transaction = _count.Transaction = transaction;
            var documents = DocumentsSoFar(transaction);
            var document = Serialize(stored);
            _insert.Parameters["$id"].Value = stored.Id;
            _insert.Parameters["$account"].Value = (object?)stored.Account ?? DBNull.Value;
            _insert.Parameters["$alert_id"].Value = (object?)stored.AlertId ?? DBNull.Value;
            _insert.Parameters["$idempotency_key"].Value = notification.IdempotencyKey is { } key ? IndexedKey(key) : DBNull.Value;
            _insert.Parameters["$document"].Value = document;
            var newest = Convert.ToInt64(_insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            documents += document.Length;
            _drop.Parameters["$newest"].Value = newest;
            _drop.Parameters["$max"].Value = maxNotifications;
            documents -= DeletedLength(_drop);
            _dropOldest.Parameters["$newest"].Value = newest;
            long dropped = 1;
            while (documents > SandboxLimits.StoredBodiesMaxLength && dropped > 0)
            {
                dropped = DeletedLength(_dropOldest);
                documents -= dropped;
            }

            _count.Parameters["$name"].Value = Delivered;
            _count.ExecuteNonQuery();
            if (own is not null)
            {
                own.Commit();
                Commits++;
            }

            _documents = documents;
            _delivered = DeliveredSoFar() + 1;
        }

        return stored;
    }

    public CapturedNotification Update(CapturedNotification notification)
    {
        var stored = ForDisk(notification, apiKey: null);
        lock (database.Gate)
        {
            using var command = Command("UPDATE notifications SET document = $document WHERE id = $id;");
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
            using var command = Command("DELETE FROM notifications;");
            command.ExecuteNonQuery();
            _documents = 0;
        }
    }

    // Characters of the stored documents: read once, then counted here (an ack's few added fields are not). Under the gate.
    private long DocumentsSoFar(SqliteTransaction transaction)
    {
        if (_documents is { } documents)
        {
            return documents;
        }

        using var command = Command("SELECT coalesce(sum(length(document)), 0) FROM notifications;");
        command.Transaction = transaction;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long DeletedLength(SqliteCommand delete)
    {
        long length = 0;
        using var reader = delete.ExecuteReader();
        while (reader.Read())
        {
            length += reader.GetInt64(0);
        }

        return length;
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

    // The column holds the key's HMAC under the pepper: an idempotency key may hold a secret (the document holds it
    // hidden), and a hidden one would no longer find its retries. Rows written before this are not found by a retry.
    private string IndexedKey(string idempotencyKey) => "h:" + Convert.ToHexStringLower(hasher.Hash(idempotencyKey));

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
