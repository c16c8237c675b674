using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PushNotifi.Sandbox.Hosting;
using PushNotifi.Sandbox.Logging;
using PushNotifi.Sandbox.Web;

namespace PushNotifi.Sandbox.Api;

/// <summary>
/// Runs in front of every <c>/api/v1</c> request: reads and records it, then applies the next
/// injected fault (if any) before or instead of the endpoint.
/// </summary>
internal sealed class ApiTrafficMiddleware(SandboxState state, ILogger<SandboxServer> logger)
{
    /// <summary>Prefix of the endpoints faults and recording apply to.</summary>
    public const string ApiPrefix = "/api/v1";

    private const string WebhookPrefix = "/api/v1/webhooks/incoming/";

    /// <summary>The <c>error</c> code of a 413 (a body past <see cref="SandboxLimits.RequestBodyMaxBytes"/>).</summary>
    private const string PayloadTooLarge = "payload_too_large";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var (utf8, tooLarge) = await ReadBodyAsync(context.Request, context.RequestAborted);
        var body = Encoding.UTF8.GetString(utf8.Span);
        var length = body.Length;
        context.Features.Set(new RecordedBody(body, utf8));

        // A refused body takes no fault: the fault is for the next request the endpoints see.
        var fault = tooLarge ? null : state.Faults.TakeNext();
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
            Body = body.Length > SandboxLimits.RecordedBodyMaxLength ? KeySafePrefix(body, SandboxLimits.RecordedBodyMaxLength) : body,
            BodyLength = length,
            BodyTruncated = tooLarge || body.Length > SandboxLimits.RecordedBodyMaxLength,
            // A refused key leaves only a fingerprint behind: not even its last 4 (someone may have mistyped a real key).
            ApiKeyLastFour = known ? SandboxSecrets.LastFour(apiKey) : null,
            ApiKeyFingerprint = apiKey.Length > 0 && !known ? state.Keys.Hasher.Fingerprint(apiKey) : null,
            Fault = fault?.KindName,
        };

        // Recorded only after a delay timer exists, so a test that sees the record can advance a fake clock.
        state.Store.AddRequest(record);

        // Announced once: as the answer starts (so a caller holding it, e.g. about to ack the alert it sent, finds the
        // notification already on the inbox's streams), or just before a dropped answer is cut off, or at the end.
        var announced = 0;
        void Announce()
        {
            if (Interlocked.Exchange(ref announced, 1) == 0)
            {
                var delivered = context.Features.Get<DeliveredNotification>()?.Notification;
                state.Events.Publish(new SandboxEvent(delivered is null ? SandboxEvent.Handled : SandboxEvent.Delivered, delivered, record));
            }
        }

        // Set before the first byte leaves, so a client holding the answer always sees the status here.
        context.Response.OnStarting(() =>
        {
            record.StatusCode = context.Response.StatusCode;
            Announce();
            return Task.CompletedTask;
        });

        try
        {
            switch (fault?.Kind)
            {
                case null when tooLarge:
                    await WriteErrorAsync(
                        context,
                        StatusCodes.Status413PayloadTooLarge,
                        PayloadTooLarge,
                        $"The request body is larger than {SandboxLimits.RequestBodyMaxBytes:N0} bytes, the most any valid request needs (a 5 MiB attachment as base64 and every other field at its maximum). Send a smaller attachment.",
                        "body");
                    break;
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
                    // Announced before the connection drops: the caller sees the failure only after the inbox can.
                    await HandleThenDropAsync(context, next, () =>
                    {
                        record.StatusCode = context.Response.StatusCode;
                        Announce();
                    });
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
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // Answered here, not by the server, so the caller gets the JSON error shape and the record says 500.
            SandboxLog.Failed(logger, record.Method, state.Secrets.Redact(record.Path), e.GetType().Name);
            context.Response.Clear();
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "internal_error", "The sandbox failed on this request; its log names the error.");
        }
        finally
        {
            record.StatusCode = context.Response.StatusCode;
            var note = fault is null ? string.Empty : $" (fault: {fault.KindName})";
            SandboxLog.Handled(logger, record.Method, state.Secrets.Redact(record.Path), record.StatusCode, note);
            Announce();
        }
    }

    /// <summary>The endpoint runs for real (so the notification is delivered) but its answer never leaves.</summary>
    private static async Task HandleThenDropAsync(HttpContext context, RequestDelegate next, Action beforeDrop)
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
            beforeDrop();
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

    /// <summary>
    /// The bytes as sent (decoding them here would hide invalid UTF-8 from the endpoints' checks); past
    /// <see cref="SandboxLimits.RequestBodyMaxBytes"/> (Kestrel's own limit, with or without a Content-Length), the bytes
    /// that arrived before it and <c>TooLarge</c>.
    /// </summary>
    private static async Task<(ReadOnlyMemory<byte> Utf8, bool TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
            return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), true);
        }
    }

    /// <summary>
    /// The first <paramref name="length"/> characters, less a run of letters and digits that the cut would split: the
    /// keys are hidden when the log is read, and a cut key matches neither a known key nor the key shape. A run longer
    /// than any key (base64, padding) is cut where the limit falls.
    /// </summary>
    internal static string KeySafePrefix(string text, int length)
    {
        const int LongestKey = 128;
        var end = length;
        if (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
        {
            var start = end;
            while (start > 0 && end - start < LongestKey && char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                start--;
            }

            if (start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                end = start;
            }
        }

        return text[..end];
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

/// <summary>The request body as read by <see cref="ApiTrafficMiddleware"/>, for the endpoints: as text, and as the bytes sent.</summary>
internal sealed record RecordedBody(string Text, ReadOnlyMemory<byte> Utf8);
