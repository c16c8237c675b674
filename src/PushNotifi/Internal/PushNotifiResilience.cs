using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PushNotifi.Internal;

/// <summary>
/// The two Polly pipelines the client runs calls through. Both bound the total time and each attempt;
/// only <see cref="Retrying"/> retries, and the client uses it for idempotent calls alone. Both share one
/// circuit breaker that stops all calls after the API refuses the key (401/403) or locks out the address
/// (429 <c>RATE_LIMITED</c>): a wrong key in a loop must never trip the server's failed-auth limit, which would
/// lock out every app behind the same address.
/// </summary>
internal sealed partial class PushNotifiResilience
{
    /// <summary>How long calls pause after the key was refused; one probe is let through after it.</summary>
    internal static readonly TimeSpan AuthBackoff = TimeSpan.FromSeconds(60);

    /// <summary>Used when a 429 <c>RATE_LIMITED</c> names no Retry-After (the services' lockout lasts a minute).</summary>
    internal static readonly TimeSpan DefaultLockoutWait = TimeSpan.FromSeconds(60);

    /// <summary>The error code of a failed-auth lockout.</summary>
    internal const string RateLimitedCode = "RATE_LIMITED";

    private static readonly ResiliencePropertyKey<TimeSpan> BreakFor = new("PushNotifi.BreakFor");

    /// <summary>When the whole call must be over; a Retry-After past it is not waited for.</summary>
    internal static readonly ResiliencePropertyKey<DateTimeOffset> Deadline = new("PushNotifi.Deadline");

    /// <summary>How many retries the call took, for its span.</summary>
    internal static readonly ResiliencePropertyKey<int> Retries = new("PushNotifi.Retries");

    /// <summary>The operation name, for log lines.</summary>
    internal static readonly ResiliencePropertyKey<string> Operation = new("PushNotifi.Operation");

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private Refusal? _refusal;
    private int _refusalLogged;

    internal PushNotifiResilience(PushNotifiOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        TotalTimeout = options.RetryTotalTimeout;

        // One breaker instance, added to both pipelines, so a refusal on any call pauses every call.
        var breaker = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                // Polly's smallest throughput: the breaker opens at the second refusal in a minute (or the first
                // after any other call), so a wrong key costs at most two requests per minute, far below 20.
                MinimumThroughput = 2,
                FailureRatio = 0.5,
                SamplingDuration = TimeSpan.FromMinutes(1),
                ShouldHandle = args => ShouldBreakAsync(args.Outcome, args.Context),
                BreakDurationGenerator = args => ValueTask.FromResult(
                    args.Context.Properties.TryGetValue(BreakFor, out var wait) ? wait : AuthBackoff),
                OnOpened = args =>
                {
                    var status = (int?)args.Outcome.Result?.StatusCode ?? 0;
                    Volatile.Write(ref _refusal, new Refusal(status, _timeProvider.GetUtcNow() + args.BreakDuration));
                    LogPaused(_logger, status, args.BreakDuration);
                    return default;
                },
                OnClosed = _ =>
                {
                    Volatile.Write(ref _refusal, null);
                    Interlocked.Exchange(ref _refusalLogged, 0);
                    return default;
                },
            })
            .Build();

        Single = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(options.RetryTotalTimeout)
            .AddPipeline(breaker)
            .AddTimeout(options.AttemptTimeout)
            .Build();

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(options.RetryTotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false, // so no wait is shorter than RetryBaseDelay (Pushover asks for 5 s after a 5xx)
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result, _timeProvider)),
                OnRetry = args =>
                {
                    Log.Retrying(_logger, args.AttemptNumber + 1, OperationOf(args.Context), Describe(args.Outcome), args.RetryDelay);
                    args.Context.Properties.Set(Retries, args.AttemptNumber + 1);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        Retrying = builder.AddPipeline(breaker).AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>Why calls are paused and until when; null while the breaker is closed.</summary>
    internal Refusal? CurrentRefusal => Volatile.Read(ref _refusal);

    /// <summary>True for the first refusal since the breaker last closed: the client logs a refused key once.</summary>
    internal bool FirstRefusalSinceClosed() => Interlocked.Exchange(ref _refusalLogged, 1) == 0;

    private async ValueTask<bool> ShouldBreakAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Result is not { } response)
        {
            return false;
        }

        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                context.Properties.Set(BreakFor, AuthBackoff);
                return true;
            case HttpStatusCode.TooManyRequests:
                // Only the failed-auth lockout pauses everything; an ordinary 429 is the retry's business.
                var body = await response.Content.ReadAsStringAsync(context.CancellationToken).ConfigureAwait(false);
                if (!body.Contains('"' + RateLimitedCode + '"', StringComparison.Ordinal))
                {
                    return false;
                }

                var wait = RetryAfter.From(response, _timeProvider) ?? DefaultLockoutWait;
                context.Properties.Set(BreakFor, wait < TimeSpan.FromMilliseconds(500) ? TimeSpan.FromMilliseconds(500) : wait);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The answer that opened the breaker and when calls may go out again.</summary>
    internal sealed record Refusal(int StatusCode, DateTimeOffset Until);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "PushNotifi answered {Status}: no calls are sent for {Pause} so this client cannot trip the API's failed-auth limit for its address")]
    private static partial void LogPaused(ILogger logger, int status, TimeSpan pause);

    /// <summary>Bounds time only; used for sends without an idempotency key.</summary>
    internal ResiliencePipeline<HttpResponseMessage> Single { get; }

    /// <summary>Bounds time and retries transient failures; used for idempotent calls.</summary>
    internal ResiliencePipeline<HttpResponseMessage> Retrying { get; }

    internal TimeSpan TotalTimeout { get; }

    /// <summary>Whether an HTTP status is worth another attempt: 408, 429 and 5xx.</summary>
    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Exception is { } exception)
        {
            // The caller's own cancellation ends the call; anything else that broke the attempt is transient.
            return exception switch
            {
                HttpRequestException or TimeoutRejectedException or IOException => true,
                OperationCanceledException => !context.CancellationToken.IsCancellationRequested,
                _ => false,
            };
        }

        if (outcome.Result is not { } response || !IsTransient(response.StatusCode))
        {
            return false;
        }

        // Honour Retry-After, but never wait past the total bound: give the caller the answer instead.
        var retryAfter = RetryAfter.From(response, _timeProvider);
        return retryAfter is null
            || !context.Properties.TryGetValue(Deadline, out var deadline)
            || _timeProvider.GetUtcNow() + retryAfter.Value < deadline;
    }

    private static string OperationOf(ResilienceContext context) =>
        context.Properties.TryGetValue(Operation, out var operation) ? operation : "call";

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? $"HTTP {(int)response.StatusCode}"
            : outcome.Exception?.GetType().Name ?? "unknown";
}
