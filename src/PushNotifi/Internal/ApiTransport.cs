using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PushNotifi.Internal;

/// <summary>
/// The one HTTP path to the API: builds each attempt, runs it through a Polly pipeline, and turns every
/// failure into a redacted <see cref="PushNotifiException"/>. The API and webhook clients both call it.
/// </summary>
internal sealed class ApiTransport
{
    private const string ApiKeyHeader = "X-API-Key";

    // Shared by clients that were given no HttpClient, so sockets are pooled and DNS changes are seen.
    private static readonly Lazy<HttpMessageHandler> s_sharedHandler = new(() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    });

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly string? _apiKey;
    private readonly string _unauthorizedHint;

    /// <param name="options">Base URL and retry settings.</param>
    /// <param name="httpClient">The caller's client, or null for the shared pooled handler.</param>
    /// <param name="logger">Where failures are logged (redacted).</param>
    /// <param name="timeProvider">The clock for timeouts and retry delays.</param>
    /// <param name="redactor">Applied to every text that leaves this class.</param>
    /// <param name="apiKey">Sent as <c>X-API-Key</c>; null for the key-less webhook.</param>
    /// <param name="unauthorizedHint">Appended to a 401's message: which variable to check.</param>
    internal ApiTransport(PushNotifiOptions options, HttpClient? httpClient, ILogger logger, TimeProvider timeProvider, Redactor redactor, string? apiKey, string unauthorizedHint)
    {
        _http = httpClient ?? new HttpClient(s_sharedHandler.Value, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _logger = logger;
        _apiKey = apiKey;
        _unauthorizedHint = unauthorizedHint;
        Redactor = redactor;
        TimeProvider = timeProvider;
        BaseUrl = options.ApiBaseUrl.TrimEnd('/');
        Resilience = new PushNotifiResilience(options, timeProvider, logger);
    }

    internal Redactor Redactor { get; }

    internal TimeProvider TimeProvider { get; }

    internal PushNotifiResilience Resilience { get; }

    internal string BaseUrl { get; }

    /// <summary>Sends one call through <paramref name="pipeline"/> and reads the JSON answer.</summary>
    /// <param name="operation">Names the call in messages, e.g. <c>send</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path under the base URL; never printed, since a webhook path holds a token.</param>
    /// <param name="body">The JSON body, or null.</param>
    /// <param name="pipeline">Retrying for idempotent calls, single otherwise.</param>
    /// <param name="typeInfo">How to read the answer.</param>
    /// <param name="notFoundHint">Appended to a 404's message: what to check.</param>
    /// <param name="cancellationToken">Cancels the call at once.</param>
    /// <param name="activity">The caller's span, which gets the retry count; null when nobody listens.</param>
    internal async Task<T> CallAsync<T>(
        string operation,
        HttpMethod method,
        string path,
        byte[]? body,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        JsonTypeInfo<T> typeInfo,
        string notFoundHint,
        CancellationToken cancellationToken,
        Activity? activity = null)
    {
        var uri = new Uri(BaseUrl + path, UriKind.Absolute);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PushNotifiResilience.Deadline, TimeProvider.GetUtcNow() + Resilience.TotalTimeout);
        context.Properties.Set(PushNotifiResilience.Operation, operation);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    // A fresh request per attempt: the same body, hence the same idempotency key, every time.
                    using var request = new HttpRequestMessage(state.method, state.uri);
                    if (state.self._apiKey is { } key)
                    {
                        request.Headers.TryAddWithoutValidation(ApiKeyHeader, key);
                    }

                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    if (state.body is not null)
                    {
                        request.Content = new ByteArrayContent(state.body);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    }

                    return await state.self._http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (self: this, method, uri, body)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException ex)
        {
            // Not logged again: the refusal that opened the breaker was, once.
            throw Paused(operation, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            // The outer timeout carries the whole call's budget; one attempt's shorter timeout is a network failure.
            var kind = ex.Timeout >= Resilience.TotalTimeout ? PushNotifiFailureKind.Timeout : PushNotifiFailureKind.Network;
            throw Fail(operation, $"PushNotifi {operation} timed out after {ex.Timeout} without an answer.", ex, kind: kind);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            throw Fail(operation, $"PushNotifi {operation} could not reach {BaseUrl}: {ex.Message}", ex);
        }
        finally
        {
            activity?.SetTag(Diagnostics.TelemetryTags.RetryCount, context.Properties.GetValue(PushNotifiResilience.Retries, 0));
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ApiError(operation, response, text, notFoundHint);
            }

            try
            {
                return JsonSerializer.Deserialize(text, typeInfo)
                    ?? throw new JsonException("The body was JSON null.");
            }
            catch (JsonException ex)
            {
                throw Fail(operation, $"PushNotifi {operation} answered {(int)response.StatusCode} with a body that is not the expected JSON: {ex.Message}", ex, (int)response.StatusCode, text);
            }
        }
    }

    /// <summary>A failure that is ours to report (an answer that breaks the contract), logged and redacted like the rest.</summary>
    internal PushNotifiException Fail(string operation, string message, Exception? cause = null, int? status = null, string? body = null, PushNotifiFailureKind? kind = null)
    {
        var text = Redactor.Redact(message);
        Log.Failed(_logger, operation, text);
        var redactedBody = body is null ? null : Redactor.Redact(body);
        var inner = cause is null ? null : RedactedInnerException.Sanitize(cause, Redactor);
        return kind is { } known
            ? new PushNotifiException(text, status, redactedBody, inner) { Kind = known }
            : new PushNotifiException(text, status, redactedBody, inner);
    }

    private PushNotifiException ApiError(string operation, HttpResponseMessage response, string rawText, string notFoundHint)
    {
        var status = (int)response.StatusCode;
        var redacted = Redactor.Redact(rawText);
        object? body = redacted;
        ErrorResponse? error = null;
        try
        {
            using var document = JsonDocument.Parse(redacted);
            body = document.RootElement.Clone();
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = document.RootElement.Deserialize(PushNotifiJsonContext.Default.ErrorResponse);
            }
        }
        catch (JsonException)
        {
            // Not JSON: Body stays the (redacted) text.
        }

        var message = new StringBuilder()
            .Append("PushNotifi ").Append(operation).Append(" failed: HTTP ").Append(status).Append(' ').Append(response.ReasonPhrase);
        var apiText = error?.Message ?? (body is string s && s.Length > 0 ? Truncate(s, 200) : null);
        if (apiText is not null)
        {
            message.Append(": ").Append(apiText.TrimEnd('.'));
        }

        if (error?.Error is not null)
        {
            message.Append(" (error ").Append(error.Error);
            message.Append(error.Field is null ? ")" : $", field {error.Field})");
        }

        message.Append('.');
        var retryAfter = RetryAfter.From(response, TimeProvider);
        var requiredScope = body is JsonElement { ValueKind: JsonValueKind.Object } json
            && json.TryGetProperty("required_scope", out var scope) && scope.ValueKind == JsonValueKind.String ? scope.GetString() : null;
        message.Append(status switch
        {
            401 => Refused() + _unauthorizedHint + PauseNote,
            403 => Forbidden(requiredScope) + PauseNote,
            404 => notFoundHint,
            429 when error?.Error == PushNotifiResilience.RateLimitedCode =>
                $" Too many failed authentications from this address (every app behind it is locked out); nothing more is sent for {retryAfter ?? PushNotifiResilience.DefaultLockoutWait}. Look for a process sending a wrong or revoked key.",
            429 when retryAfter is { } wait => $" Retry after {wait}.",
            _ => string.Empty,
        });
        var text = Redactor.Redact(message.ToString());

        // A refused key is logged once until calls succeed again, however often a loop retries it.
        if (status is not (401 or 403) || Resilience.FirstRefusalSinceClosed())
        {
            Log.Failed(_logger, operation, text);
        }

        return new PushNotifiException(text, status, body)
        {
            ErrorCode = error?.Error,
            ErrorField = error?.Field,
            ApiMessage = apiText,
            RetryAfter = retryAfter,
        };
    }

    private const string PauseNote = " Calls now pause for up to a minute at a time, so a loop cannot trip the API's failed-auth limit for this address.";

    private string KeyShown => _apiKey is null ? "the webhook token" : $"the API key ending {Redactor.LastFour(_apiKey)}";

    private string Refused() => _apiKey is null
        ? " The webhook token was refused: it is wrong or was replaced."
        : $" PushNotifi refused {KeyShown}: it is wrong, or it was revoked or rotated. Use an active key of your account (create or rotate one; the full key is shown once), then restart the app.";

    private string Forbidden(string? requiredScope) =>
        $" {char.ToUpperInvariant(KeyShown[0])}{KeyShown[1..]} is valid but lacks the scope this call needs ('{requiredScope ?? "full"}'): use a key with scope '{requiredScope ?? "full"}' for it, or keep the 'send' key for sending only.";

    /// <summary>The breaker is open: nothing was sent. Says why, until when, and what to fix.</summary>
    private PushNotifiException Paused(string operation, BrokenCircuitException cause)
    {
        var refusal = Resilience.CurrentRefusal;
        var until = refusal?.Until ?? TimeProvider.GetUtcNow() + (cause.RetryAfter ?? PushNotifiResilience.AuthBackoff);
        var wait = until - TimeProvider.GetUtcNow();
        var why = refusal?.StatusCode switch
        {
            401 => $"PushNotifi refused {KeyShown} (HTTP 401): fix the key, then restart the app.",
            403 => $"{char.ToUpperInvariant(KeyShown[0])}{KeyShown[1..]} lacks the scope a recent call needed (HTTP 403).",
            429 => "this address is locked out after too many failed authentications (HTTP 429 RATE_LIMITED).",
            _ => "PushNotifi refused a recent call.",
        };
        var text = Redactor.Redact(
            $"PushNotifi {operation} was not sent: {why} Calls pause until {until:HH:mm:ss} UTC so this client cannot trip the API's failed-auth limit, which would lock out every app at this address.");
        // The refusal's status, so callers treat a paused call as the refusal it stands for (a 401 is not transient).
        return new PushNotifiException(text, refusal?.StatusCode, body: null, RedactedInnerException.Sanitize(cause, Redactor))
        {
            RetryAfter = wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
