using System.Security.Cryptography;
using System.Text;
using PushNotifi;

namespace PushNotifiRecipes;

/// <summary>
/// Handles one delivery of the webhook: verify the signature first, then process the event inside the
/// <see cref="PushNotifiAlertAttribute"/> wrapper keyed <c>wh:{evt.Id}</c>.
/// </summary>
/// <remarks>
/// Responses: 401 on a bad or missing signature (after a priority 1 alert keyed from the signature header),
/// 400 on a verified body that is not an event, 500 when processing fails (so the source retries), 200 when it
/// succeeds. Request bodies are never logged: they often hold personal data or tokens. Alert only for failures
/// the source's retry cannot fix by itself; events are processed again on every retry. Every alert goes through the
/// app's <see cref="IPushNotifiAlerter"/>, which never throws (a failed alert is logged, never a key, and the response
/// stays the same) and sends one key once per suppression window (<c>PushNotifi:AlertSuppressionWindow</c>, 5 minutes)
/// through the app's <see cref="IPushNotifiStateStore"/>: per process in memory, across every instance with
/// <c>AddPushNotifiRedis</c>.
/// </remarks>
public sealed partial class PaymentWebhookHandler
{
    /// <summary>The largest body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private readonly IPushNotifiAlerter _alerter;
    private readonly PaymentWebhookSignature _signature;
    private readonly Func<PaymentWebhookEvent, CancellationToken, Task> _process;
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="alerter">Sends the alerts, the generated wrapper's included.</param>
    /// <param name="signature">Verifies signatures.</param>
    /// <param name="process">Processes a verified event; throws when processing fails.</param>
    /// <param name="logger">Logs outcomes, never bodies.</param>
    public PaymentWebhookHandler(
        IPushNotifiAlerter alerter,
        PaymentWebhookSignature signature,
        Func<PaymentWebhookEvent, CancellationToken, Task> process,
        ILogger<PaymentWebhookHandler> logger)
    {
        _alerter = alerter;
        _signature = signature;
        _process = process;
        _logger = logger;
    }

    /// <summary>Handles one request.</summary>
    /// <param name="request">The inbound request.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var signatureHeader = request.Headers[PaymentWebhookSignature.HeaderName].ToString();
        if (!_signature.IsValid(body, signatureHeader))
        {
            await AlertSignatureMismatchAsync(signatureHeader, request.Path, cancellationToken).ConfigureAwait(false);
            return Results.Unauthorized();
        }

        var evt = PaymentWebhookEvent.TryParse(body);
        if (evt is null)
        {
            LogNotAnEvent(_logger, body.Length);
            return Results.BadRequest();
        }

        try
        {
            // A retry within the suppression window fails again without a second alert: the wrapper's alerter
            // claims its key in the store before it sends.
            await ProcessAsync(evt, cancellationToken).ConfigureAwait(false);
            LogProcessed(_logger, evt.Type, evt.Id);
            return Results.Ok();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogProcessingFailed(_logger, evt.Type, evt.Id, ex.GetType().Name);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    [PushNotifiAlert(
        "PaymentWebhook processing failed: {evt.Type}",
        Message = "{evt.Type} {evt.Id}: {ExceptionType}: {ExceptionMessage}",
        IdempotencyKey = "wh:{evt.Id}",
        Priority = PushNotifiPriority.High)]
    private partial Task ProcessAsync(PaymentWebhookEvent evt, CancellationToken cancellationToken);

    // The work; the generated ProcessAsync wraps it with the alert.
    private Task ProcessCoreAsync(PaymentWebhookEvent evt, CancellationToken cancellationToken)
        => _process(evt, cancellationToken);

    private async Task AlertSignatureMismatchAsync(string signatureHeader, PathString path, CancellationToken cancellationToken)
    {
        // Keyed from the offending header (hashed, so the key stays short), so a replayed attack deduplicates.
        var key = "sig-fail:" + (signatureHeader.Length == 0
            ? "missing"
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signatureHeader)))[..32]);
        LogSignatureRejected(_logger, path.ToString(), signatureHeader.Length == 0);

        // The alerter claims the key first, so a replayed attack pages once per suppression window.
        await _alerter.TrySendAlertAsync(
            new PushNotifiAlert(
                "PaymentWebhook signature mismatch",
                $"Rejected a request to {path} with {(signatureHeader.Length == 0 ? "no" : "an invalid")} {PaymentWebhookSignature.HeaderName} header.")
            {
                Priority = PushNotifiPriority.High,
                IdempotencyKey = key,
                Source = nameof(PaymentWebhookHandler),
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook signature rejected on {Path} (header missing: {Missing}).")]
    private static partial void LogSignatureRejected(ILogger logger, string path, bool missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook body of {Length} bytes is not an event; rejected with 400.")]
    private static partial void LogNotAnEvent(ILogger logger, int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook event {Type} {Id} processed.")]
    private static partial void LogProcessed(ILogger logger, string type, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook event {Type} {Id} failed with {ExceptionType}; answered 500 so the source retries.")]
    private static partial void LogProcessingFailed(ILogger logger, string type, string id, string exceptionType);
}
