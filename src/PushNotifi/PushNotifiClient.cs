using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace PushNotifi;

/// <summary>
/// The PushNotifi API client. Validates before sending, retries idempotent calls with Polly, enforces
/// <see cref="PushNotifiOptions.RateLimitPerMinute"/>, and passes every text it sends, logs or throws
/// through <see cref="Redactor"/>. Create one per process (or register it with <c>AddPushNotifi</c>) and share it.
/// </summary>
public sealed class PushNotifiClient : IPushNotifiClient
{
    private const string ApiKeyHeader = "X-API-Key";

    // Shared by clients that were given no HttpClient, so sockets are pooled and DNS changes are seen.
    private static readonly Lazy<HttpMessageHandler> s_sharedHandler = new(() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    });

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly PushNotifiResilience _resilience;
    private readonly SendRateLimiter? _rateLimiter;
    private readonly string _baseUrl;
    private readonly string _userKey;
    private readonly PushNotifiOptions _options;

    /// <summary>Creates a client. Without <paramref name="httpClient"/> it uses a shared, pooled handler.</summary>
    /// <exception cref="PushNotifiConfigurationException">The options are invalid (e.g. no user key); no client is made.</exception>
    public PushNotifiClient(PushNotifiOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, logger: null, timeProvider: null, sharedRateLimiter: null)
    {
    }

    /// <summary>Creates a client that logs through <paramref name="logger"/> and measures time (retry delays, timeouts, rate-limit waits) with <paramref name="timeProvider"/>.</summary>
    /// <exception cref="PushNotifiConfigurationException">The options are invalid (e.g. no user key); no client is made.</exception>
    public PushNotifiClient(PushNotifiOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider = null)
        : this(options, httpClient, logger, timeProvider, sharedRateLimiter: null)
    {
    }

    internal PushNotifiClient(PushNotifiOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider, SendRateLimiter? sharedRateLimiter)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Redactor = Redactor.ForOptions(options);
        _userKey = options.UserKey!;
        _baseUrl = options.ApiBaseUrl.TrimEnd('/');
        _http = httpClient ?? new HttpClient(s_sharedHandler.Value, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _logger = logger ?? NullLogger.Instance;
        var time = timeProvider ?? TimeProvider.System;
        _resilience = new PushNotifiResilience(options, time, _logger);
        _rateLimiter = sharedRateLimiter ?? (options.RateLimitPerMinute is { } perMinute
            ? new SendRateLimiter(perMinute, options.RateLimitQueueTimeout, time)
            : null);
        TimeProvider = time;
    }

    /// <summary>The redactor for this client's keys; use it for any text you log about PushNotifi.</summary>
    public Redactor Redactor { get; }

    /// <summary>The options this client was made with.</summary>
    public PushNotifiOptions Options => _options;

    internal TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public async Task<string> SendAsync(PushNotifiMessage message, CancellationToken cancellationToken = default)
    {
        var request = PushNotifiMessageValidator.Validate(message, _options, Redactor);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, PushNotifiJsonContext.Default.SendRequest);
        var idempotent = request.IdempotencyKey is not null;

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var recipient = Redactor.LastFour(request.SendToKey);
            var idempotency = idempotent ? Redactor.Fingerprint(request.IdempotencyKey!) : "none; no retries";
            Log.Sending(_logger, request.Type == PushNotifiRecipientType.User ? "user" : "group", recipient, idempotency);
        }

        if (_rateLimiter is not null && !await _rateLimiter.TryAcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            Log.RateLimited(_logger, _rateLimiter.PerMinute, _rateLimiter.QueueTimeout);
            throw new PushNotifiRateLimitExceededException(
                $"Client-side rate limit of {_rateLimiter.PerMinute} sends per minute reached; no permit within {_rateLimiter.QueueTimeout}. Nothing was sent.");
        }

        var response = await CallAsync(
            "send",
            HttpMethod.Post,
            "/api/v1/message",
            body,
            idempotent ? _resilience.Retrying : _resilience.Single,
            PushNotifiJsonContext.Default.SendResponse,
            cancellationToken).ConfigureAwait(false);

        if (_logger.IsEnabled(LogLevel.Information))
        {
            var id = Redactor.Redact(response.Id ?? "(no id)");
            Log.Sent(_logger, id, response.Duplicate);
        }

        return Redactor.Redact(response.Message);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PushNotifiApplication>> ListApplicationsAsync(CancellationToken cancellationToken = default)
    {
        var response = await GetAsync("list applications", "/api/v1/applications", PushNotifiJsonContext.Default.ApplicationsResponse, cancellationToken).ConfigureAwait(false);
        return response.Applications ?? [];
    }

    /// <inheritdoc />
    public async Task<PushNotifiApplication> GetApplicationAsync(string applicationKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(applicationKey))
        {
            throw new PushNotifiValidationException("application_key", "application_key must not be empty.");
        }

        var response = await GetAsync(
            "get application",
            "/api/v1/applications/" + Uri.EscapeDataString(applicationKey),
            PushNotifiJsonContext.Default.ApplicationResponse,
            cancellationToken).ConfigureAwait(false);
        return response.Application
            ?? throw new PushNotifiException("PushNotifi answered get application without an application.", 200, null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PushNotifiGroup>> ListGroupsAsync(CancellationToken cancellationToken = default)
    {
        var response = await GetAsync("list groups", "/api/v1/groups", PushNotifiJsonContext.Default.GroupsResponse, cancellationToken).ConfigureAwait(false);
        return response.Groups ?? [];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PushNotifiSentMessage>> ListMessagesAsync(CancellationToken cancellationToken = default)
    {
        var response = await GetAsync("list messages", "/api/v1/messages", PushNotifiJsonContext.Default.MessagesResponse, cancellationToken).ConfigureAwait(false);
        return response.Messages ?? [];
    }

    // GETs change nothing, so they are always safe to retry.
    private Task<T> GetAsync<T>(string operation, string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        CallAsync(operation, HttpMethod.Get, path, body: null, _resilience.Retrying, typeInfo, cancellationToken);

    private async Task<T> CallAsync<T>(
        string operation,
        HttpMethod method,
        string path,
        byte[]? body,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        JsonTypeInfo<T> typeInfo,
        CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUrl + path, UriKind.Absolute);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(PushNotifiResilience.Deadline, TimeProvider.GetUtcNow() + _resilience.TotalTimeout);
        context.Properties.Set(PushNotifiResilience.Operation, operation);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    // A fresh request per attempt: the same body, hence the same idempotency key, every time.
                    using var request = new HttpRequestMessage(state.method, state.uri);
                    request.Headers.TryAddWithoutValidation(ApiKeyHeader, state.self._userKey);
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
            throw Fail(operation, $"PushNotifi {operation} could not reach {_baseUrl}: {ex.Message}", ex);
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
                throw ApiError(operation, response, text);
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

    private PushNotifiException ApiError(string operation, HttpResponseMessage response, string rawText)
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
        message.Append(Hint(response, status));
        var text = Redactor.Redact(message.ToString());
        Log.Failed(_logger, operation, text);
        return new PushNotifiException(text, status, body) { ErrorCode = error?.Error, ErrorField = error?.Field };
    }

    private string Hint(HttpResponseMessage response, int status) => status switch
    {
        401 => $" Check {PushNotifiEnvironmentVariables.UserKey} (the key in use ends {Redactor.LastFour(_userKey)}).",
        404 => " Check the send_to_key or application key.",
        429 when RetryAfter.From(response, TimeProvider) is { } wait => $" Retry after {wait}.",
        _ => string.Empty,
    };

    private PushNotifiException Fail(string operation, string message, Exception cause, int? status = null, string? body = null)
    {
        var text = Redactor.Redact(message);
        Log.Failed(_logger, operation, text);
        return new PushNotifiException(text, status, body is null ? null : Redactor.Redact(body), RedactedInnerException.Sanitize(cause, Redactor));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
