using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PushNotifi.Internal;

namespace PushNotifi;

/// <summary>
/// The inbound-webhook client: needs only <see cref="PushNotifiOptions.WebhookToken"/> and the base URL. The token
/// travels in the URL path, so no message from here ever shows the URL, and every text is redacted.
/// </summary>
public sealed class PushNotifiWebhookClient : IPushNotifiWebhook
{
    private readonly ApiTransport _transport;
    private readonly string _path;

    /// <summary>Creates a client for the token in <paramref name="options"/>.</summary>
    /// <param name="options">Needs <see cref="PushNotifiOptions.WebhookToken"/>; the user key is not used.</param>
    /// <param name="httpClient">The caller's client, or null for a shared pooled handler.</param>
    /// <param name="logger">Where failures are logged (redacted).</param>
    /// <param name="timeProvider">The clock for the time bound.</param>
    /// <exception cref="PushNotifiConfigurationException">The token is missing or a setting is invalid.</exception>
    public PushNotifiWebhookClient(PushNotifiOptions options, HttpClient? httpClient = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateForWebhook();
        var token = options.WebhookToken!.Trim();
        Redactor = Redactor.ForOptions(options);
        _path = "/api/v1/webhooks/incoming/" + Uri.EscapeDataString(token);
        _transport = new ApiTransport(
            options,
            httpClient,
            logger ?? NullLogger.Instance,
            timeProvider ?? TimeProvider.System,
            Redactor,
            apiKey: null,
            $" Check {PushNotifiEnvironmentVariables.WebhookToken} (the token in use ends {Redactor.LastFour(token)}); it may be revoked.");
    }

    /// <summary>The redactor for the configured keys and token.</summary>
    public Redactor Redactor { get; }

    /// <inheritdoc />
    public async Task<PushNotifiSendResult> SendAsync(string title, string message, CancellationToken cancellationToken = default)
    {
        PushNotifiMessageValidator.ValidateText(title, message);

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new WebhookRequest(title is null ? null : Redactor.Redact(title), Redactor.Redact(message)),
            PushNotifiJsonContext.Default.WebhookRequest);
        var response = await _transport.CallAsync(
            "send through the webhook",
            HttpMethod.Post,
            _path,
            body,
            _transport.Resilience.Single,
            PushNotifiJsonContext.Default.SendResponse,
            $" Check {PushNotifiEnvironmentVariables.WebhookToken}: the token is unknown or revoked.",
            cancellationToken).ConfigureAwait(false);

        return new PushNotifiSendResult(Redactor.Redact(response.Message), response.AlertId, response.Id, response.Duplicate);
    }
}
