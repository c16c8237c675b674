using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using PushNotifi.Sandbox.Hosting;

namespace PushNotifi.Sandbox.Web;

/// <summary>
/// <c>GET /sandbox/events</c>: server-sent events for the inbox page — <c>notification</c>, <c>ack</c>,
/// <c>cleared</c> and <c>request</c>, each with an <c>id:</c> and the redacted JSON view the inspection API shows
/// (without bodies or headers; a send's <c>notification</c> carries its request's row, see <see cref="EventFrame"/>). A page that reconnects with <c>Last-Event-ID</c> first gets what it missed, or <c>reload</c> when
/// that is no longer buffered. A stream that stops reading is closed once its queue is full.
/// Streams end when the browser goes away or the sandbox stops, so shutdown never waits on them.
/// </summary>
internal static class EventStream
{
    public const string Path = "/sandbox/events";

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

            var writer = context.Response.BodyWriter;
            writer.Write(Encoding.UTF8.GetBytes(hello.Append('\n').ToString()));
            foreach (var missed in subscription.Missed)
            {
                writer.Write(missed.Bytes);
            }

            await writer.FlushAsync(token);

            // SandboxEvents paces the batches and sends the keep-alives: a stream only waits for the next one.
            while (await subscription.WaitToReadAsync(token))
            {
                // Whatever queued meanwhile goes out as one chunk and one send.
                while (subscription.TryRead(out var batch))
                {
                    foreach (var frame in batch.Frames)
                    {
                        writer.Write(frame.Bytes);
                    }
                }

                if ((await writer.FlushAsync(token)).IsCompleted)
                {
                    // The connection is gone; writes go nowhere.
                    break;
                }
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
}
