using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PushNotifi.Sandbox;

/// <summary>
/// Runs in front of every <c>/api/v1</c> request: reads and records it, then applies the next
/// injected fault (if any) before or instead of the endpoint.
/// </summary>
internal sealed class ApiTrafficMiddleware(SandboxState state, ILogger<SandboxServer> logger)
{
    /// <summary>Prefix of the endpoints faults and recording apply to.</summary>
    public const string ApiPrefix = "/api/v1";

    private const string WebhookPrefix = "/api/v1/webhooks/incoming/";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        context.Features.Set(new RecordedBody(body));

        var fault = state.Faults.TakeNext();
        Task? delay = fault?.Kind == SandboxFaultKind.Delay
            ? Task.Delay(fault.Delay, state.Clock, context.RequestAborted)
            : null;

        var apiKey = context.Request.Headers[ApiHeaders.ApiKey].ToString();
        var known = ApiAuth.Match(context, state) is { Active: true };
        var record = new SandboxRequest
        {
            Sequence = state.Store.NextRequestSequence(),
            ReceivedAt = state.Clock.GetUtcNow(),
            Method = context.Request.Method,
            Path = HideWebhookToken(context.Request.Path.Value + context.Request.QueryString.Value),
            Headers = SandboxState.CaptureHeaders(context.Request.Headers),
            Body = body,
            // A refused key leaves only a fingerprint behind: not even its last 4 (someone may have mistyped a real key).
            ApiKeyLastFour = known ? SandboxSecrets.LastFour(apiKey) : null,
            ApiKeyFingerprint = apiKey.Length > 0 && !known ? state.Keys.Hasher.Fingerprint(apiKey) : null,
            Fault = fault?.KindName,
        };

        // Recorded only after a delay timer exists, so a test that sees the record can advance a fake clock.
        state.Store.AddRequest(record);

        // Set before the first byte leaves, so a client holding the answer always sees the status here.
        context.Response.OnStarting(() =>
        {
            record.StatusCode = context.Response.StatusCode;
            return Task.CompletedTask;
        });

        try
        {
            switch (fault?.Kind)
            {
                case SandboxFaultKind.Error:
                    await WriteErrorAsync(context, fault.StatusCode, ErrorCode(fault.StatusCode), $"Injected fault: the sandbox answers {fault.StatusCode}.");
                    break;
                case SandboxFaultKind.RateLimit:
                    var seconds = (long)Math.Ceiling(fault.RetryAfter.TotalSeconds);
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited", $"Injected fault: rate limited; retry after {seconds} s.");
                    break;
                case SandboxFaultKind.Delay:
                    await delay!;
                    await next(context);
                    break;
                case SandboxFaultKind.Drop:
                    await HandleThenDropAsync(context, next);
                    break;
                default:
                    await next(context);
                    break;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away (e.g. timed out during an injected delay); nothing to answer.
        }
        finally
        {
            record.StatusCode = context.Response.StatusCode;
            var note = fault is null ? string.Empty : $" (fault: {fault.KindName})";
            SandboxLog.Handled(logger, record.Method, state.Secrets.Redact(record.Path), record.StatusCode, note);
            state.Events.Publish(new SandboxEvent(SandboxEvent.Handled, null, record));
        }
    }

    /// <summary>The endpoint runs for real (so the notification is delivered) but its answer never leaves.</summary>
    private static async Task HandleThenDropAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var swallowed = new MemoryStream();
        context.Response.Body = swallowed;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            context.Abort();
        }
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message, string? field = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message, code, field), WireJsonContext.Default.ApiError, cancellationToken: context.RequestAborted);
    }

    private static string ErrorCode(int status) => status switch
    {
        400 => "invalid_request",
        401 => "unauthorized",
        404 => "not_found",
        429 => "rate_limited",
        _ when status >= 500 => "internal_error",
        _ => "injected_fault",
    };

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static string HideWebhookToken(string path)
    {
        if (!path.StartsWith(WebhookPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var rest = path[WebhookPrefix.Length..];
        var end = rest.IndexOfAny(['/', '?']);
        var token = end < 0 ? rest : rest[..end];
        var tail = end < 0 ? string.Empty : rest[end..];
        return WebhookPrefix + SandboxSecrets.LastFour(Uri.UnescapeDataString(token)) + tail;
    }
}

/// <summary>The request body as read by <see cref="ApiTrafficMiddleware"/>, for the endpoints.</summary>
internal sealed record RecordedBody(string Text);
