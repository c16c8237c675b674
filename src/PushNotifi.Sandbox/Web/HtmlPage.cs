using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PushNotifi.Sandbox;

/// <summary>
/// The page at <c>/</c>: captured notifications and recent requests, newest first. Every value is
/// HTML-encoded after configured keys were replaced by their last-4 form.
/// </summary>
internal static class HtmlPage
{
    private const int MaxRequestsShown = 50;

    public static void MapHtmlPage(this IEndpointRouteBuilder app, SandboxState state) =>
        app.MapGet("/", IResult () => TypedResults.Content(Render(state), "text/html; charset=utf-8"));

    public static string Render(SandboxState state)
    {
        var secrets = state.Secrets;
        string E(string? text) => WebUtility.HtmlEncode(secrets.Redact(text));
        var inv = CultureInfo.InvariantCulture;

        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>PushNotifi sandbox</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}
            td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f4f4f4}
            .muted{color:#777}</style></head><body>
            <h1>PushNotifi sandbox</h1>
            <p class="muted">Keys are shown only as their last 4 characters. Inspection API: <code>/sandbox/notifications</code>, <code>/sandbox/requests</code>, <code>/sandbox/faults</code>.</p>
            """);

        var notifications = state.Store.Notifications;
        html.Append(inv, $"<h2>Notifications ({notifications.Count})</h2>");
        if (notifications.Count == 0)
        {
            html.Append("<p class=\"muted\">Nothing received yet.</p>");
        }
        else
        {
            html.Append("<table><tr><th>Id</th><th>Received</th><th>Source</th><th>To</th><th>Priority</th><th>Title</th><th>Message</th><th>URL</th><th>Idempotency key</th></tr>");
            foreach (var n in notifications.Reverse())
            {
                html.Append(inv, $"<tr><td>{E(n.Id)}</td><td>{E(n.ReceivedAt.ToString("u", inv))}</td><td>{E(n.Source)}</td>")
                    .Append(inv, $"<td>{E(n.Type)} {E(SandboxSecrets.Mask(n.SendToKey))}</td><td>{n.Priority?.ToString(inv) ?? ""}</td>")
                    .Append(inv, $"<td>{E(n.Title)}</td><td>{E(n.Message)}</td><td>{E(n.Url)}</td><td>{E(n.IdempotencyKey)}</td></tr>");
            }

            html.Append("</table>");
        }

        var requests = state.Store.Requests;
        html.Append(inv, $"<h2>Requests ({requests.Count})</h2>");
        if (requests.Count > 0)
        {
            html.Append("<table><tr><th>#</th><th>Received</th><th>Request</th><th>Status</th><th>Fault</th><th>API key</th></tr>");
            foreach (var r in requests.Reverse().Take(MaxRequestsShown))
            {
                html.Append(inv, $"<tr><td>{r.Sequence}</td><td>{E(r.ReceivedAt.ToString("u", inv))}</td><td>{E(r.Method)} {E(r.Path)}</td>")
                    .Append(inv, $"<td>{r.StatusCode}</td><td>{E(r.Fault)}</td><td>{E(r.ApiKeyLastFour)}</td></tr>");
            }

            html.Append("</table>");
        }

        var faults = state.Faults.Pending;
        if (faults.Count > 0)
        {
            html.Append("<h2>Pending faults</h2><ul>");
            foreach (var f in faults)
            {
                html.Append(inv, $"<li>{E(f.KindName)} × {f.Remaining}</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }
}
