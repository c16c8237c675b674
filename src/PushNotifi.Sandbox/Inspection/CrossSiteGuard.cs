using Microsoft.AspNetCore.Http;

namespace PushNotifi.Sandbox.Inspection;

/// <summary>
/// Keeps other sites from driving the inbox: every state-changing <c>/sandbox</c> request (ack, faults, clear) must
/// come from the sandbox's own origin. A request a cross-site form or a simple (unpreflighted) fetch could make is
/// refused: a POST must be JSON, and a browser's <c>Origin</c> or <c>Sec-Fetch-Site</c> must say same-origin.
/// Bodiless DELETEs need only the origin check: a browser preflights any cross-origin DELETE, and the sandbox grants
/// no CORS. Clients that send neither header (curl, tests) pass.
/// </summary>
internal static class CrossSiteGuard
{
    private const string Prefix = "/sandbox";

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase)
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return next(context);
        }

        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return RefuseAsync(context, StatusCodes.Status403Forbidden, "Sec-Fetch-Site", "Refused: another site's page sent this request; only the inbox page itself may change the sandbox.");
        }

        if (request.Headers.Origin.ToString() is { Length: > 0 } origin && !IsOwnOrigin(request, origin))
        {
            return RefuseAsync(context, StatusCodes.Status403Forbidden, "Origin", $"Refused: Origin {Shown(origin)} is not this sandbox ({OwnOrigin(request)}); only the inbox page itself may change the sandbox.");
        }

        if (HttpMethods.IsPost(request.Method) && !request.HasJsonContentType())
        {
            return RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "Content-Type", "Send a JSON object with Content-Type: application/json.");
        }

        return next(context);
    }

    private static string OwnOrigin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static bool IsOwnOrigin(HttpRequest request, string origin) =>
        string.Equals(origin, OwnOrigin(request), StringComparison.OrdinalIgnoreCase);

    private static string Shown(string origin) => origin.Length <= 100 ? origin : origin[..100] + "…";

    private static Task RefuseAsync(HttpContext context, int status, string field, string message) =>
        TypedResults.Json(new InspectionError(message, field), InspectionJsonContext.Readable.InspectionError, statusCode: status).ExecuteAsync(context);
}
