using System.Text;
using System.Text.Json;

namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>`pushnotifi test` explains a refused, revoked, under-scoped or locked-out key with its likely cause.</summary>
public sealed class KeyExplanationTests : SandboxHost
{
    [Fact]
    public async Task A_wrong_key_is_named_by_its_last_four_with_how_to_fix_it()
    {
        var run = await RunAsync(Environment(("PUSHNOTIFI_USER_KEY", "uWRONGuserKEYforCLItests00000777")), "test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The key in use (…0777) was refused", run.Error, StringComparison.Ordinal);
        Assert.Contains("revoked or rotated", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("uWRONGuserKEYforCLItests00000777", run.AllText, StringComparison.Ordinal);
        Canary.AssertAbsent(run);
    }

    [Fact]
    public async Task A_revoked_key_gets_the_same_explanation_and_the_api_says_revoked()
    {
        var (id, key) = await CreateKeyAsync("send");
        using (var admin = Admin())
        {
            using var revoked = await admin.DeleteAsync($"/api/v1/api-keys/{id}");
        }

        var run = await RunAsync(Environment(("PUSHNOTIFI_USER_KEY", key)), "test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("was revoked", run.Error, StringComparison.Ordinal);
        Assert.Contains($"The key in use (…{key[^4..]}) was refused", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, run.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_out_address_is_explained_as_rate_limited_failed_authentications()
    {
        using (var wrong = new HttpClient { BaseAddress = new Uri(Server.BaseUrl) })
        {
            wrong.DefaultRequestHeaders.Add("X-API-Key", "uWRONGuserKEYforCLItests00000778");
            for (var i = 0; i < PushNotifi.Sandbox.SandboxLimits.FailedAuthPerMinute; i++)
            {
                using var refused = await wrong.GetAsync("/api/v1/groups");
            }
        }

        var run = await RunAsync(Environment(), "test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("HTTP 429", run.Error, StringComparison.Ordinal);
        Assert.Contains("(RATE_LIMITED)", run.Error, StringComparison.Ordinal);
        Assert.Contains("locked out after too many failed authentications", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_403_names_the_scope_a_send_key_lacks() =>
        Assert.Contains("a 'send' key may only send", Commands.TestCommand.LikelyCause(403, "uSOMEkeyENDING1234")!, StringComparison.Ordinal);

    private HttpClient Admin()
    {
        var admin = new HttpClient { BaseAddress = new Uri(Server.BaseUrl) };
        admin.DefaultRequestHeaders.Add("X-API-Key", Canary.UserKey);
        return admin;
    }

    private async Task<(string Id, string Key)> CreateKeyAsync(string scope)
    {
        using var admin = Admin();
        using var response = await admin.PostAsync("/api/v1/api-keys", new StringContent($$"""{"label":"cli","scope":"{{scope}}"}""", Encoding.UTF8, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("api_key").GetProperty("id").GetString()!, json.RootElement.GetProperty("key").GetString()!);
    }
}
