using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace PushNotifi.Sandbox;

/// <summary>
/// <c>GET /sandbox/events</c>: server-sent events for the inbox page — <c>notification</c>, <c>ack</c>,
/// <c>cleared</c> and <c>request</c>, each with an <c>id:</c> and the redacted JSON view the inspection API shows
/// (without bodies). A page that reconnects with <c>Last-Event-ID</c> first gets what it missed, or <c>reload</c> when
/// that is no longer buffered. A stream that stops reading is closed once its queue is full.
/// Streams end when the browser goes away or the sandbox stops, so shutdown never waits on them.
/// </summary>
internal static class EventStream
{
    public const string Path = "/sandbox/events";

    // A comment line now and then finds dead connections and keeps proxies from timing out.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly byte[] KeepAliveFrame = ": keep-alive\n\n"u8.ToArray();

    // Under load a stream writes at most this often. Hundreds of open tabs would otherwise each wake and flush once per
    // event, and the API's own requests would wait behind them on the thread pool. An idle page still gets an event at once.
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(25);

    public static void MapEventStream(this IEndpointRouteBuilder app, SandboxState state, IHostApplicationLifetime lifetime) =>
        app.MapGet(Path, (HttpContext context) => StreamAsync(context, state, lifetime.ApplicationStopping));

    private static async Task StreamAsync(HttpContext context, SandboxState state, CancellationToken stopping)
    {
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        using var subscription = state.Events.Subscribe(LastEventId(context.Request));
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping, subscription.Dropped);
        // A stream that fell behind may be stuck in a write to a client that reads nothing: closing the connection ends it.
        using var dropping = subscription.Dropped.Register(context.Abort);
        var token = ended.Token;
        try
        {
            // Tells the browser to retry after 1 s when the stream drops, and that it is live now. A fresh page learns the
            // current id (a frame with no data sets the browser's last event id without an event), so its next
            // reconnect can catch up.
            var hello = new StringBuilder("retry: 1000\n: connected\n");
            if (subscription.MustReload)
            {
                hello.Append("id: ").Append(subscription.LastId.ToString(CultureInfo.InvariantCulture)).Append('\n')
                    .Append("event: ").Append(EventFrame.Reload).Append("\ndata: {}\n");
            }
            else if (subscription.Missed.Count == 0)
            {
                hello.Append("id: ").Append(subscription.LastId.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            await WriteAsync(context, Encoding.UTF8.GetBytes(hello.Append('\n').ToString()), token);
            foreach (var missed in subscription.Missed)
            {
                await WriteAsync(context, missed.Bytes, token);
            }

            // A keep-alive leaves the wait running and waits on it again: one pending wait per stream, however long it idles.
            Task<bool>? waiting = null;
            var lastFlush = 0L;
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
                    await WriteAsync(context, KeepAliveFrame, token);
                    continue;
                }

                if (!more)
                {
                    break;
                }

                // Real time, not the sandbox's clock: this paces the network, and tests' fake clocks must not stall it.
                var sinceFlush = Stopwatch.GetElapsedTime(lastFlush);
                if (lastFlush != 0 && sinceFlush < FlushInterval)
                {
                    await Task.Delay(FlushInterval - sinceFlush, token);
                }

                while (subscription.Reader.TryRead(out var frame))
                {
                    await context.Response.Body.WriteAsync(frame.Bytes, token);
                }

                await context.Response.Body.FlushAsync(token);
                lastFlush = Stopwatch.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The browser left, the sandbox is stopping, or the stream fell behind: the normal ends of a stream.
        }
        catch (IOException)
        {
            // The connection broke mid-write.
        }
    }

    /// <summary>The id a reconnecting page last saw (the browser's <c>Last-Event-ID</c> header), or null for a fresh page.</summary>
    private static long? LastEventId(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task WriteAsync(HttpContext context, byte[] bytes, CancellationToken token)
    {
        await context.Response.Body.WriteAsync(bytes, token);
        await context.Response.Body.FlushAsync(token);
    }
}
