using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

/// <summary>
/// Helpers to talk to a sandbox (started by <see cref="TestSandbox"/>) with a plain HttpClient; the key names are
/// thin aliases of the kit's <see cref="TestKeys"/>.
/// </summary>
internal static class Fake
{
    public static readonly string UserKey = TestKeys.User;
    public const string OtherUserKey = TestKeys.WrongUser;
    public static readonly string GroupKey = TestKeys.Group;
    public const string OtherGroupKey = TestKeys.UnknownGroup;
    public const string ApplicationKey = TestKeys.Application;
    public static readonly string WebhookToken = TestKeys.WebhookToken;
    public const string SecondAccountKey = TestKeys.OtherAccount;

    public static SandboxOptions Options(TimeProvider? clock = null) => TestKeys.Sandbox(clock: clock);

    /// <summary>A client that sends <see cref="UserKey"/> as X-API-Key.</summary>
    public static HttpClient Client(SandboxServer sandbox) => Client(sandbox, UserKey);

    /// <summary>A client that sends <paramref name="apiKey"/> as X-API-Key, or no key when null.</summary>
    public static HttpClient Client(SandboxServer sandbox, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        return client;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, CancellationToken ct = default) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")), ct);

    /// <summary>Sends a priority-2 alert to the group and returns its <c>alert_id</c>.</summary>
    public static async Task<string> SendAlertAsync(this HttpClient client, string? template = null, string message = "Deploy to production?")
    {
        var templateField = template is null ? string.Empty : $$""","alert_response_template":"{{template}}" """;
        using var response = await client.PostJsonAsync("/api/v1/message",
            $$"""{"send_to_key":"{{GroupKey}}","message":"{{message}}","priority":2{{templateField}}}""");
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("alert_id").GetString()!;
    }

    public static Task<HttpResponseMessage> AckAsync(this HttpClient client, string alertId, string json) =>
        client.PostJsonAsync($"/api/v1/alerts/{alertId}/ack", json);

    public static Task<HttpResponseMessage> SendToGroupAsync(this HttpClient client, string message = "Disk almost full", string? idempotencyKey = null)
    {
        var body = idempotencyKey is null
            ? $$"""{"type":"group","send_to_key":"{{GroupKey}}","message":"{{message}}"}"""
            : $$"""{"type":"group","send_to_key":"{{GroupKey}}","message":"{{message}}","idempotency_key":"{{idempotencyKey}}"}""";
        return client.PostJsonAsync("/api/v1/message", body);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
}
