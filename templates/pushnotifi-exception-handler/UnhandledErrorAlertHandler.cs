using Microsoft.AspNetCore.Diagnostics;
using PushNotifi;

namespace PushNotifiRecipes;

/// <summary>
/// Sends one alert per failed request for exceptions no endpoint handled, keyed <c>req:{request id}</c> from the
/// <c>X-Request-ID</c> header or <see cref="HttpContext.TraceIdentifier"/>, never the time. It returns
/// <see langword="false"/>, so the error response (problem details) is written as usual.
/// </summary>
/// <remarks>
/// The alert goes through <see cref="IPushNotifiAlerter"/>, which never throws: one that fails, or runs past
/// <see cref="AlertTimeoutSeconds"/> or the alert time budget (<c>PushNotifi:AlertTimeBudget</c>), is logged by it
/// (status only, never a key) and never changes the response. Per-request alerts suit rare failures; for an endpoint that fails often, count errors with the
/// pushnotifi-error-rate recipe instead, or your phone rings once per request.
/// </remarks>
/// <param name="alerter">Sends the alert, redacted, at most once per key and suppression window.</param>
public sealed class UnhandledErrorAlertHandler(IPushNotifiAlerter alerter) : IExceptionHandler
{
    /// <summary>The request id header.</summary>
    public const string RequestIdHeader = "X-Request-ID";

    /// <summary>The longest the alert may delay the error response, in seconds (the alerter's own budget also applies).</summary>
    public const int AlertTimeoutSeconds = 5;

    private const int MaxRequestIdLength = 128;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);

        var header = httpContext.Request.Headers[RequestIdHeader].ToString();
        var requestId = header.Length is > 0 and <= MaxRequestIdLength ? header : httpContext.TraceIdentifier;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(AlertTimeoutSeconds));
        await alerter.TrySendAlertAsync(
            new PushNotifiAlert(
                $"Unhandled error: {httpContext.Request.Method} {httpContext.Request.Path}",
                $"{exception.GetType().Name}: {exception.Message} (request {requestId})")
            {
                Priority = PushNotifiPriority.High,
                IdempotencyKey = "req:" + requestId,
                Source = nameof(UnhandledErrorAlertHandler),
            },
            budget.Token).ConfigureAwait(false);
        return false;
    }
}
