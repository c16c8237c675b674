using Microsoft.AspNetCore.Diagnostics;
using PushNotifi;

namespace PushNotifiRecipes;

/// <summary>
/// Sends one alert per failed request for exceptions no endpoint handled, keyed <c>req:{request id}</c> from the
/// <c>X-Request-ID</c> header or <see cref="HttpContext.TraceIdentifier"/>, never the time. It returns
/// <see langword="false"/>, so the error response (problem details) is written as usual.
/// </summary>
/// <remarks>
/// An alert that fails or runs past its time budget is logged (status only) and never changes the response.
/// Per-request alerts suit rare failures; for an endpoint that fails often, count errors with the
/// pushnotifi-error-rate recipe instead, or your phone rings once per request.
/// </remarks>
/// <param name="pushNotifi">Sends the alert.</param>
/// <param name="logger">Logs failed alerts.</param>
public sealed partial class UnhandledErrorAlertHandler(IPushNotifiClient pushNotifi, ILogger<UnhandledErrorAlertHandler> logger) : IExceptionHandler
{
    /// <summary>The request id header.</summary>
    public const string RequestIdHeader = "X-Request-ID";

    /// <summary>The longest the alert may delay the error response, in seconds.</summary>
    public const int AlertTimeoutSeconds = 5;

    private const int MaxRequestIdLength = 128;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);

        var header = httpContext.Request.Headers[RequestIdHeader].ToString();
        var requestId = header.Length is > 0 and <= MaxRequestIdLength ? header : httpContext.TraceIdentifier;
        var key = "req:" + requestId;
        var message = PushNotifiMessage.ToDefaultGroup(
            $"Unhandled error: {httpContext.Request.Method} {httpContext.Request.Path}",
            $"{exception.GetType().Name}: {Redactor.Default.Redact(exception.Message)} (request {requestId})") with
        {
            Priority = PushNotifiPriority.High,
            IdempotencyKey = key,
        };

        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(TimeSpan.FromSeconds(AlertTimeoutSeconds));
            await pushNotifi.SendAsync(message, budget.Token).ConfigureAwait(false);
        }
        catch (Exception alertError) when (alertError is PushNotifiException or OperationCanceledException or HttpRequestException)
        {
            LogAlertFailed(logger, key, alertError.GetType().Name, (alertError as PushNotifiException)?.StatusCode);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PushNotifi alert {Key} for an unhandled error could not be sent ({ErrorType}, status {StatusCode}); the error response is unchanged.")]
    private static partial void LogAlertFailed(ILogger logger, string key, string errorType, int? statusCode);
}
