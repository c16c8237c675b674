using System.Net;
using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

/// <summary>The account API-key lifecycle over loopback HTTP.</summary>
public class ApiKeyTests
{
    [Fact]
    public async Task The_configured_key_is_the_first_full_key_and_lists_without_its_secret()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);

        var list = await ListAsync(client);

        var key = Assert.Single(list.GetProperty("api_keys").EnumerateArray());
        Assert.Equal(("key_1", "full", TestKeys.LastFour(Fake.UserKey), true), (key.GetProperty("id").GetString(), key.GetProperty("scope").GetString(), key.GetProperty("last_four").GetString(), key.GetProperty("active").GetBoolean()));
        Assert.Equal(JsonValueKind.String, key.GetProperty("last_used_at").ValueKind);
        Assert.DoesNotContain(Fake.UserKey, list.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Fake.UserKey[..8], list.ToString(), StringComparison.Ordinal);
        Assert.False(key.TryGetProperty("hash", out _));
    }

    [Fact]
    public async Task A_created_key_is_shown_once_works_at_once_and_is_listed_by_last_four_only()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = Fake.Client(sandbox);

        var (id, key) = await CreateAsync(admin, "ci", "send");
        using var sender = Fake.Client(sandbox, key);
        using var sent = await sender.SendToGroupAsync();
        var list = (await ListAsync(admin)).ToString();

        Assert.Matches("^u[A-Za-z0-9]{31}$", key);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.DoesNotContain(key[..8], list, StringComparison.Ordinal);
        Assert.Equal("…" + key[^4..], Key(await ListAsync(admin), id).GetProperty("last_four").GetString());
        Assert.Equal(2, (await ListAsync(admin)).GetProperty("active").GetInt32());
        Assert.Equal("key_2", id);
    }

    [Fact]
    public async Task A_send_key_may_send_but_gets_403_naming_full_everywhere_else()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = Fake.Client(sandbox);
        var (_, key) = await CreateAsync(admin, "sender", "send");
        using var sender = Fake.Client(sandbox, key);

        using var status = await sender.GetAsync("/api/v1/alerts/al_x/status");
        using var keys = await sender.GetAsync("/api/v1/api-keys");
        var body = await status.JsonAsync();

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (status.StatusCode, keys.StatusCode));
        Assert.Equal("insufficient_scope", body.GetProperty("error").GetString());
        Assert.Equal("full", body.GetProperty("required_scope").GetString());
        Assert.Contains("needs scope 'full'", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_keeps_the_scope_and_label_and_revokes_the_old_key_in_the_same_step()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = Fake.Client(sandbox);
        var (id, oldKey) = await CreateAsync(admin, "nightly", "send");

        using var rotate = await admin.PostAsync($"/api/v1/api-keys/{id}/rotate", null);
        var rotated = await rotate.JsonAsync();
        var newKey = rotated.GetProperty("key").GetString()!;
        using var withOld = await Fake.Client(sandbox, oldKey).SendToGroupAsync();
        using var withNew = await Fake.Client(sandbox, newKey).SendToGroupAsync();

        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        Assert.Equal(("send", "nightly"), (rotated.GetProperty("api_key").GetProperty("scope").GetString(), rotated.GetProperty("api_key").GetProperty("label").GetString()));
        Assert.False(rotated.GetProperty("revoked").GetProperty("active").GetBoolean());
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (withOld.StatusCode, withNew.StatusCode));
    }

    [Fact]
    public async Task Revocation_takes_effect_at_once_and_the_revoked_key_gets_401()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = Fake.Client(sandbox);
        var (id, key) = await CreateAsync(admin, "temp", "full");
        using var client = Fake.Client(sandbox, key);
        using var before = await client.SendToGroupAsync();

        using var revoke = await admin.DeleteAsync($"/api/v1/api-keys/{id}");
        using var after = await client.SendToGroupAsync();
        var body = await after.JsonAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), (before.StatusCode, revoke.StatusCode, after.StatusCode));
        Assert.Contains("revoked", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(sandbox.Notifications);
    }

    [Fact]
    public async Task An_account_has_at_most_ten_active_keys_but_may_rotate_at_the_limit()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = Fake.Client(sandbox);
        var ids = new List<string>();
        for (var i = 0; i < SandboxLimits.MaxActiveApiKeys - 1; i++)
        {
            ids.Add((await CreateAsync(admin, $"k{i}", "send")).Id);
        }

        using var eleventh = await admin.PostJsonAsync("/api/v1/api-keys", """{"label":"one too many"}""");
        using var rotate = await admin.PostAsync($"/api/v1/api-keys/{ids[0]}/rotate", null);
        using var revoke = await admin.DeleteAsync($"/api/v1/api-keys/{ids[1]}");
        using var afterRevoke = await admin.PostJsonAsync("/api/v1/api-keys", """{"label":"room again"}""");

        Assert.Equal(HttpStatusCode.Conflict, eleventh.StatusCode);
        Assert.Equal("key_limit_reached", (await eleventh.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Created), (rotate.StatusCode, afterRevoke.StatusCode));
        Assert.Equal(SandboxLimits.MaxActiveApiKeys, (await ListAsync(admin)).GetProperty("active").GetInt32());
    }

    [Fact]
    public async Task Successful_use_sets_last_used_at_from_the_sandbox_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        using var admin = Fake.Client(sandbox);
        var (id, key) = await CreateAsync(admin, "ci", "send");
        Assert.Equal(JsonValueKind.Null, Key(await ListAsync(admin), id).GetProperty("last_used_at").ValueKind);

        clock.Advance(TimeSpan.FromMinutes(5));
        using var sent = await Fake.Client(sandbox, key).SendToGroupAsync();

        Assert.Equal(clock.GetUtcNow(), Key(await ListAsync(admin), id).GetProperty("last_used_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Keys_of_another_account_cannot_be_seen_rotated_or_revoked()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.ExtraUserKeys.Add(TestKeys.OtherAccount));
        using var other = Fake.Client(sandbox, Fake.SecondAccountKey);

        var list = await ListAsync(other);
        using var revoke = await other.DeleteAsync("/api/v1/api-keys/key_1");

        Assert.Equal("key_2", Assert.Single(list.GetProperty("api_keys").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
    }

    [Fact]
    public async Task The_inbox_key_list_shows_labels_and_last_four_but_never_a_key()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var admin = Fake.Client(sandbox);
        var (_, key) = await CreateAsync(admin, "deploy bot", "send");

        var page = await admin.GetStringAsync("/sandbox/keys");

        Assert.Contains("deploy bot", page, StringComparison.Ordinal);
        Assert.Contains("…" + key[^4..], page, StringComparison.Ordinal);
        Assert.DoesNotContain(key, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Fake.UserKey, page, StringComparison.Ordinal);
    }

    internal static async Task<(string Id, string Key)> CreateAsync(HttpClient admin, string label, string scope)
    {
        using var response = await admin.PostJsonAsync("/api/v1/api-keys", $$"""{"label":"{{label}}","scope":"{{scope}}"}""");
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return (json.GetProperty("api_key").GetProperty("id").GetString()!, json.GetProperty("key").GetString()!);
    }

    internal static async Task<JsonElement> ListAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/api/v1/api-keys");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    internal static JsonElement Key(JsonElement list, string id) =>
        list.GetProperty("api_keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
}
