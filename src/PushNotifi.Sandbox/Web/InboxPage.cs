using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PushNotifi.Sandbox.Web;

/// <summary>
/// The inbox at <c>/</c>: a static page, its stylesheet and script (embedded resources, no build
/// step, no CDN). The script fills it from <c>/sandbox/notifications</c> and
/// <c>/sandbox/events</c>, so the page itself never holds data, let alone a key.
/// </summary>
internal static class InboxPage
{
    // Only this origin's script, styles and connections; no inline script, so injected markup cannot run;
    // no frame may hold the page (FrameHeaders also sends X-Frame-Options: DENY).
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
        + FrameHeaders.ContentSecurityPolicy;

    private static readonly string Html = Resource("inbox.html");
    private static readonly string Css = Resource("inbox.css");
    private static readonly string Script = Resource("inbox.js");

    public static void MapInboxPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => Serve(context, Html, "text/html; charset=utf-8"));
        app.MapGet("/sandbox/inbox.css", (HttpContext context) => Serve(context, Css, "text/css; charset=utf-8"));
        app.MapGet("/sandbox/inbox.js", (HttpContext context) => Serve(context, Script, "text/javascript; charset=utf-8"));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Serve(HttpContext context, string content, string contentType)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(content, contentType);
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PushNotifi.Sandbox.Web." + name)
            ?? throw new InvalidOperationException($"The sandbox was built without its {name} resource.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
