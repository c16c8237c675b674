using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// The key records are read from the store once and kept in memory; <c>last_used_at</c> reaches the data file at most
/// once a minute per key, while the lists always show the newest time.
/// </summary>
public class ApiKeyCacheTests
{
    [Fact]
    public void Authentication_reads_the_store_once_not_on_every_match()
    {
        var store = new CountingStore();
        var keys = new ApiKeys(store, new KeyHasher(KeyHasher.NewPepper()), new SandboxSecrets(Fake.Options()), TimeProvider.System);
        var (record, key) = keys.Create(0, "ci", ApiKeyScopes.Send)!.Value;

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(record.Id, keys.Match(key)?.Id);
            keys.Touch(record);
        }

        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task Last_used_at_is_written_at_most_once_a_minute_but_the_list_shows_the_newest_time()
    {
        using var data = new DataFile();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));
        var options = data.Options();
        options.TimeProvider = clock;
        string id;
        DateTimeOffset first, second, third;
        await using (var sandbox = await SandboxServer.StartAsync(options))
        {
            using var admin = Fake.Client(sandbox);
            (id, var key) = await ApiKeyTests.CreateAsync(admin, "ci", "send");
            using var client = Fake.Client(sandbox, key);

            first = clock.GetUtcNow();
            Assert.Equal(HttpStatusCode.OK, (await client.SendToGroupAsync()).StatusCode);
            clock.Advance(TimeSpan.FromSeconds(30));
            second = clock.GetUtcNow();
            Assert.Equal(HttpStatusCode.OK, (await client.SendToGroupAsync()).StatusCode);
            var listed = ApiKeyTests.Key(await ApiKeyTests.ListAsync(admin), id).GetProperty("last_used_at").GetDateTimeOffset();
            var storedAfterSecond = StoredLastUse(data.Path, id);
            clock.Advance(TimeSpan.FromSeconds(31));
            third = clock.GetUtcNow();
            Assert.Equal(HttpStatusCode.OK, (await client.SendToGroupAsync()).StatusCode);
            var storedAfterThird = StoredLastUse(data.Path, id);

            Assert.Equal((second, first, third), (listed, storedAfterSecond, storedAfterThird));
        }

        Assert.Equal(third, StoredLastUse(data.Path, id));
    }

    [Fact]
    public async Task A_use_newer_than_the_stored_time_is_written_when_the_sandbox_stops()
    {
        using var data = new DataFile();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));
        var options = data.Options();
        options.TimeProvider = clock;
        string id;
        await using (var sandbox = await SandboxServer.StartAsync(options))
        {
            (id, var key) = await ApiKeyTests.CreateAsync(Fake.Client(sandbox), "ci", "send");
            using var client = Fake.Client(sandbox, key);
            (await client.SendToGroupAsync()).Dispose();
            clock.Advance(TimeSpan.FromSeconds(10));
            (await client.SendToGroupAsync()).Dispose();
        }

        await using var again = await data.StartAsync();
        var listed = ApiKeyTests.Key(await ApiKeyTests.ListAsync(Fake.Client(again)), id);

        Assert.Equal(clock.GetUtcNow(), listed.GetProperty("last_used_at").GetDateTimeOffset());
    }

    private static DateTimeOffset? StoredLastUse(string path, string id)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_used_at FROM api_keys WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is string text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>An in-memory store that counts how often every record is read.</summary>
    private sealed class CountingStore : IApiKeyStore
    {
        private readonly InMemoryApiKeyStore _inner = new();

        public int Reads { get; private set; }

        public IReadOnlyList<ApiKeyRecord> All()
        {
            Reads++;
            return _inner.All();
        }

        public void Add(ApiKeyRecord record) => _inner.Add(record);

        public void Update(ApiKeyRecord record) => _inner.Update(record);

        public void Touch(string id, DateTimeOffset at) => _inner.Touch(id, at);
    }
}
