using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PushNotifi.Alerts;
using PushNotifi.Diagnostics;
using PushNotifi.Internal;

namespace PushNotifi;

/// <summary>
/// The PushNotifi API client. Validates before sending, retries idempotent calls with Polly, enforces
/// <see cref="PushNotifiOptions.RateLimitPerMinute"/>, and passes every text it sends, logs or throws
/// through <see cref="Redactor"/>. It also asks and awaits acknowledgements (<see cref="IPushNotifiAcks"/>).
/// Create one per process (or register it with <c>AddPushNotifi</c>) and share it.
/// </summary>
public sealed partial class PushNotifiClient : IPushNotifiClient, IPushNotifiAcks
{
    private const string NotFoundHint = " Check the send_to_key or application key.";

    private readonly ILogger _logger;
    private readonly ApiTransport _transport;
    private readonly SendRateLimiter? _rateLimiter;
    private readonly PushNotifiOptions _options;
    private readonly PushNotifiMetrics _metrics;

    /// <summary>Creates a client. Without <paramref name="httpClient"/> it uses a shared, pooled handler.</summary>
    /// <exception cref="PushNotifiConfigurationException">The options are invalid (e.g. no user key); no client is made.</exception>
    public PushNotifiClient(PushNotifiOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, logger: null, timeProvider: null, sharedRateLimiter: null)
    {
    }

    /// <summary>Creates a client that logs through <paramref name="logger"/> and measures time (retry delays, timeouts, rate-limit waits, ack polls) with <paramref name="timeProvider"/>.</summary>
    /// <exception cref="PushNotifiConfigurationException">The options are invalid (e.g. no user key); no client is made.</exception>
    public PushNotifiClient(PushNotifiOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider = null)
        : this(options, httpClient, logger, timeProvider, sharedRateLimiter: null)
    {
    }

    internal PushNotifiClient(PushNotifiOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider, SendRateLimiter? sharedRateLimiter, IPushNotifiStateStore? stateStore = null, ILogger? alertLogger = null, PushNotifiMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _metrics = metrics ?? PushNotifiMetrics.Shared;
        Redactor = Redactor.ForOptions(options);
        Redactor.Metrics = _metrics;
        _logger = logger ?? NullLogger.Instance;
        var time = timeProvider ?? TimeProvider.System;
        _transport = new ApiTransport(
            options,
            httpClient,
            _logger,
            time,
            Redactor,
            options.UserKey!,
            $" Check {PushNotifiEnvironmentVariables.UserKey} (the key in use ends {Redactor.LastFour(options.UserKey)}).");
        _rateLimiter = sharedRateLimiter ?? (options.RateLimitPerMinute is { } perMinute
            ? new SendRateLimiter(perMinute, options.RateLimitQueueTimeout, time)
            : null);
        StateStore = stateStore;

        // From a container (it gave the store), alerts take its settings; made by hand, the PushNotifiAlerts fallback.
        Alerter = stateStore is null
            ? new PushNotifiAlerter(this, Redactor, metrics: _metrics)
            : new PushNotifiAlerter(this, Redactor, stateStore, alertLogger, options.AlertTimeBudget, options.AlertSuppressionWindow, _metrics);
    }

    /// <summary>The redactor for this client's keys; use it for any text you log about PushNotifi.</summary>
    public Redactor Redactor { get; }

    /// <summary>The options this client was made with.</summary>
    public PushNotifiOptions Options => _options;

    internal TimeProvider TimeProvider => _transport.TimeProvider;

    /// <summary>The container's store; null outside a container.</summary>
    internal IPushNotifiStateStore? StateStore { get; }

    /// <summary>The alerter of wrappers whose type holds this client rather than an <see cref="IPushNotifiAlerter"/>.</summary>
    internal PushNotifiAlerter Alerter { get; }

    /// <inheritdoc />
    public Task<PushNotifiSendResult> SendAsync(PushNotifiMessage message, CancellationToken cancellationToken = default) =>
        // With no listener the send is as it was: no span, no timestamp, no tags, no extra state machine.
        _metrics.SendsObserved || PushNotifiActivities.Source.HasListeners()
            ? SendObservedAsync(message, cancellationToken)
            : SendCoreAsync(message, activity: null, cancellationToken);

    private async Task<PushNotifiSendResult> SendObservedAsync(PushNotifiMessage message, CancellationToken cancellationToken)
    {
        using var activity = PushNotifiActivities.StartSend(message);
        var observed = _metrics.SendsObserved;
        var started = observed ? TimeProvider.GetTimestamp() : 0;
        try
        {
            var result = await SendCoreAsync(message, activity, cancellationToken).ConfigureAwait(false);
            var outcome = result.Duplicate ? TelemetryTags.Duplicate : TelemetryTags.Delivered;
            activity?.SetTag(TelemetryTags.SendOutcome, outcome);
            if (observed)
            {
                _metrics.RecordSend(outcome, errorType: null, message?.Priority, TimeProvider.GetElapsedTime(started));
            }

            return result;
        }
        catch (Exception error) when (SendFailed(error, activity, observed, started, message?.Priority))
        {
            throw; // never reached: the filter only records
        }
    }

    // An exception filter, so the exception goes on with its stack untouched.
    private bool SendFailed(Exception error, Activity? activity, bool observed, long started, PushNotifiPriority? priority)
    {
        var errorType = error is OperationCanceledException ? TelemetryTags.Cancelled : TelemetryTags.ErrorTypeOf(error);
        var outcome = error is PushNotifiException { Kind: PushNotifiFailureKind.RateLimited } ? TelemetryTags.RateLimited : TelemetryTags.Failed;
        PushNotifiActivities.Fail(activity, TelemetryTags.SendOutcome, outcome, errorType);
        if (observed)
        {
            _metrics.RecordSend(outcome, errorType, priority, TimeProvider.GetElapsedTime(started));
        }

        return false;
    }

    private async Task<PushNotifiSendResult> SendCoreAsync(PushNotifiMessage message, Activity? activity, CancellationToken cancellationToken)
    {
        var request = PushNotifiMessageValidator.Validate(message, _options, Redactor);
        if (activity is not null && request.IdempotencyKey is not null)
        {
            activity.SetTag(TelemetryTags.IdempotencyFingerprint, Redactor.Fingerprint(request.IdempotencyKey));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(request, PushNotifiJsonContext.Default.PushNotifiMessage);
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
                $"Client-side rate limit of {_rateLimiter.PerMinute} sends per minute reached; no permit within {_rateLimiter.QueueTimeout}. Nothing was sent.")
            {
                RetryAfter = _rateLimiter.ReplenishmentPeriod,
            };
        }

        var resilience = _transport.Resilience;
        var response = await _transport.CallAsync(
            "send",
            HttpMethod.Post,
            "/api/v1/message",
            body,
            idempotent ? resilience.Retrying : resilience.Single,
            PushNotifiJsonContext.Default.SendResponse,
            NotFoundHint,
            cancellationToken,
            activity).ConfigureAwait(false);

        if (_logger.IsEnabled(LogLevel.Information))
        {
            var id = Redactor.Redact(response.Id ?? "(no id)");
            Log.Sent(_logger, id, response.Duplicate);
        }

        return new PushNotifiSendResult(
            Redactor.Redact(response.Message),
            response.AlertId,
            response.Id is null ? null : Redactor.Redact(response.Id),
            response.Duplicate);
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
    public Task<IReadOnlyList<PushNotifiGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) =>
        GetListAsync("list groups", "/api/v1/groups", "groups", PushNotifiJsonContext.Default.PushNotifiGroupArray, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PushNotifiSentMessage>> ListMessagesAsync(CancellationToken cancellationToken = default) =>
        GetListAsync("list messages", "/api/v1/messages", "messages", PushNotifiJsonContext.Default.PushNotifiSentMessageArray, cancellationToken);

    // GETs change nothing, so they are always safe to retry.
    private Task<T> GetAsync<T>(string operation, string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        _transport.CallAsync(operation, HttpMethod.Get, path, body: null, _transport.Resilience.Retrying, typeInfo, NotFoundHint, cancellationToken);

    /// <summary>Reads a list that the API may send bare (<c>[...]</c>, as the real service does) or wrapped (<c>{"property": [...]}</c>).</summary>
    private async Task<IReadOnlyList<T>> GetListAsync<T>(string operation, string path, string property, JsonTypeInfo<T[]> itemsInfo, CancellationToken cancellationToken)
    {
        var root = await GetAsync(operation, path, PushNotifiJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when TryGetProperty(root, property, out var wrapped) => wrapped,
            JsonValueKind.Object => default,
            _ => throw _transport.Fail(operation, $"PushNotifi {operation} answered with JSON {root.ValueKind}, not a list or an object holding '{property}'.", status: 200),
        };

        if (items.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return [];
        }

        try
        {
            return items.Deserialize(itemsInfo) ?? [];
        }
        catch (JsonException ex)
        {
            throw _transport.Fail(operation, $"PushNotifi {operation} answered with a '{property}' list that is not the expected JSON: {ex.Message}", ex, 200);
        }
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
