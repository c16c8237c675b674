using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace PushNotifi;

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
    internal async Task<T> CallAsync<T>(
        string operation,
        HttpMethod method,
        string path,
        byte[]? body,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        JsonTypeInfo<T> typeInfo,
        string notFoundHint,
        CancellationToken cancellationToken)
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
        catch (TimeoutRejectedException ex)
        {
            throw Fail(operation, $"PushNotifi {operation} timed out after {ex.Timeout} without an answer.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            throw Fail(operation, $"PushNotifi {operation} could not reach {BaseUrl}: {ex.Message}", ex);
        }
        finally
        {
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
    internal PushNotifiException Fail(string operation, string message, Exception? cause = null, int? status = null, string? body = null)
    {
        var text = Redactor.Redact(message);
        Log.Failed(_logger, operation, text);
        return new PushNotifiException(text, status, body is null ? null : Redactor.Redact(body), cause is null ? null : RedactedInnerException.Sanitize(cause, Redactor));
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
        message.Append(status switch
        {
            401 => _unauthorizedHint,
            404 => notFoundHint,
            429 when retryAfter is { } wait => $" Retry after {wait}.",
            _ => string.Empty,
        });
        var text = Redactor.Redact(message.ToString());
        Log.Failed(_logger, operation, text);
        return new PushNotifiException(text, status, body)
        {
            ErrorCode = error?.Error,
            ErrorField = error?.Field,
            ApiMessage = apiText,
            RetryAfter = retryAfter,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
