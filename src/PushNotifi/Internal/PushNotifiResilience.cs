using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PushNotifi;

/// <summary>
/// The two Polly pipelines the client runs calls through. Both bound the total time and each attempt;
/// only <see cref="Retrying"/> retries, and the client uses it for idempotent calls alone.
/// </summary>
internal sealed class PushNotifiResilience
{
    /// <summary>When the whole call must be over; a Retry-After past it is not waited for.</summary>
    internal static readonly ResiliencePropertyKey<DateTimeOffset> Deadline = new("PushNotifi.Deadline");

    /// <summary>The operation name, for log lines.</summary>
    internal static readonly ResiliencePropertyKey<string> Operation = new("PushNotifi.Operation");

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal PushNotifiResilience(PushNotifiOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        TotalTimeout = options.RetryTotalTimeout;

        Single = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(options.RetryTotalTimeout)
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
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        Retrying = builder.AddTimeout(options.AttemptTimeout).Build();
    }

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
