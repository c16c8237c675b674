using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace PushNotifi.Sandbox;

/// <summary>
/// <c>GET /sandbox/events</c>: server-sent events for the inbox page — <c>notification</c>, <c>ack</c>,
/// <c>cleared</c> and <c>request</c>, each with the redacted JSON view the inspection API shows.
/// Streams end when the browser goes away or the sandbox stops, so shutdown never waits on them.
/// </summary>
internal static class EventStream
{
    public const string Path = "/sandbox/events";

    // A comment line now and then finds dead connections and keeps proxies from timing out.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void MapEventStream(this IEndpointRouteBuilder app, SandboxState state, IHostApplicationLifetime lifetime) =>
        app.MapGet(Path, (HttpContext context) => StreamAsync(context, state, lifetime.ApplicationStopping));

    private static async Task StreamAsync(HttpContext context, SandboxState state, CancellationToken stopping)
    {
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        using var subscription = state.Events.Subscribe();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var token = ended.Token;
        try
        {
            // Tells the browser to retry after 1 s when the stream drops, and that it is live now.
            await WriteAsync(context, "retry: 1000\n: connected\n\n", token);
            // A keep-alive leaves the wait running and waits on it again: one pending wait per stream, however long it idles.
            Task<bool>? waiting = null;
            while (!token.IsCancellationRequested)
            {
                bool more;
                try
                {
                    waiting ??= subscription.Reader.WaitToReadAsync(token).AsTask();
                    more = await waiting.WaitAsync(KeepAlive, token);
                    waiting = null;
                }
                catch (TimeoutException)
                {
                    await WriteAsync(context, ": keep-alive\n\n", token);
                    continue;
                }

                if (!more)
                {
                    break;
                }

                var frames = new StringBuilder();
                while (subscription.Reader.TryRead(out var sandboxEvent))
                {
                    frames.Append(Format(state, sandboxEvent));
                }

                await WriteAsync(context, frames.ToString(), token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The browser left or the sandbox is stopping: the normal end of a stream.
        }
        catch (IOException)
        {
            // The connection broke mid-write.
        }
    }

    private static string Format(SandboxState state, SandboxEvent sandboxEvent)
    {
        var json = sandboxEvent switch
        {
            { Notification: { } n } => System.Text.Json.JsonSerializer.Serialize(
                NotificationView.Redact(state.Secrets, n), InspectionJsonContext.Readable.CapturedNotification),
            { Request: { } r } => System.Text.Json.JsonSerializer.Serialize(
                RequestView.Redact(state.Secrets, r), InspectionJsonContext.Readable.RequestView),
            _ => "{}",
        };

        // One "data:" line per JSON line; the browser joins them with newlines again.
        var frame = new StringBuilder().Append("event: ").Append(sandboxEvent.Name).Append('\n');
        foreach (var line in json.Split('\n'))
        {
            frame.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return frame.Append('\n').ToString();
    }

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken token)
    {
        await context.Response.WriteAsync(text, token);
        await context.Response.Body.FlushAsync(token);
    }
}
