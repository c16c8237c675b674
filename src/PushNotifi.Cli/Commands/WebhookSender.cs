using System.Text;
using System.Text.Json.Nodes;

namespace PushNotifi.Cli.Commands;

/// <summary>
/// Posts <c>{"title","message"}</c> to <c>/api/v1/webhooks/incoming/{token}</c>. The token is part of the
/// URL, so nothing here ever prints the URL, and the caller redacts every error text.
/// </summary>
internal static class WebhookSender
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Sends once (no retries: the webhook has no idempotency key) and returns the status and body.</summary>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    /// <exception cref="TaskCanceledException">No answer within 30 seconds.</exception>
    public static async Task<(int Status, string Body)> SendAsync(string baseUrl, string token, string title, string message, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseUrl.TrimEnd('/') + "/api/v1/webhooks/incoming/" + Uri.EscapeDataString(token), UriKind.Absolute);
        var json = new JsonObject { ["title"] = title, ["message"] = message }.ToJsonString();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(uri, content, cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }
}
