using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PushNotifi.Sandbox.Tests;

/// <summary>Fake keys and helpers to start a sandbox and talk to it with a plain HttpClient.</summary>
internal static class Fake
{
    public const string UserKey = "uFAKEuserKEYforTESTS000000000001";
    public const string OtherUserKey = "uFAKEuserKEYforTESTS000000000099";
    public const string GroupKey = "gFAKEgroupKEYforTESTS00000000001";
    public const string OtherGroupKey = "gFAKEgroupKEYforTESTS00000000099";
    public const string ApplicationKey = "aFAKEappKEYforTESTS0000000000001";
    public const string WebhookToken = "whFAKEtokenFORtests0000000000001";
    public const string SecondAccountKey = "uFAKEsecondACCOUNTforTESTS000002";

    public static SandboxOptions Options(TimeProvider? clock = null) => new()
    {
        UserKey = UserKey,
        GroupKey = GroupKey,
        ApplicationKey = ApplicationKey,
        WebhookToken = WebhookToken,
        TimeProvider = clock ?? TimeProvider.System,
    };

    public static Task<SandboxServer> StartAsync(TimeProvider? clock = null) => SandboxServer.StartAsync(Options(clock));

    /// <summary>A sandbox with a second account (<see cref="SecondAccountKey"/>) beside the main one.</summary>
    public static Task<SandboxServer> StartWithSecondAccountAsync()
    {
        var options = Options();
        options.ExtraUserKeys.Add(SecondAccountKey);
        return SandboxServer.StartAsync(options);
    }

    public static HttpClient Client(SandboxServer sandbox, string? apiKey = UserKey)
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
