using Microsoft.AspNetCore.Http;

namespace PushNotifi.Sandbox.Web;

/// <summary>
/// No sandbox response may be shown inside another page's frame (clickjacking over Approve): every answer says
/// <c>frame-ancestors 'none'</c> and, for older browsers, <c>X-Frame-Options: DENY</c>. The inbox page replaces the
/// policy with its full one, which says the same.
/// </summary>
internal static class FrameHeaders
{
    /// <summary>The policy of every response that sets none of its own.</summary>
    public const string ContentSecurityPolicy = "frame-ancestors 'none'";

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    }
}
