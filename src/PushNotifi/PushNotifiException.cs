using PushNotifi.Internal;

namespace PushNotifi;

/// <summary>
/// A failed PushNotifi call. The message carries the HTTP status and the API's error text, already
/// passed through the <see cref="Redactor"/>, so it never contains a key.
/// </summary>
public class PushNotifiException : Exception
{
    /// <summary>Creates an exception with a message (callers redact it first).</summary>
    public PushNotifiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause (callers redact both first).</summary>
    public PushNotifiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for an HTTP answer.</summary>
    /// <param name="message">The redacted message.</param>
    /// <param name="statusCode">The HTTP status code, or null when no answer arrived.</param>
    /// <param name="body">The redacted body: a <see cref="System.Text.Json.JsonElement"/> when it was JSON, else the text.</param>
    /// <param name="innerException">The redacted cause, if any.</param>
    public PushNotifiException(string message, int? statusCode, object? body, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>Creates an exception with no message.</summary>
    public PushNotifiException()
    {
    }

    /// <summary>The HTTP status code, or null when the call failed before an answer.</summary>
    public int? StatusCode { get; }

    /// <summary>The redacted response body: a <see cref="System.Text.Json.JsonElement"/> when it was JSON, otherwise the text.</summary>
    public object? Body { get; }

    /// <summary>The API's machine-readable <c>error</c> code (e.g. <c>invalid_request</c>), when the body had one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The field the API blamed (<c>field</c> in the error body), when it named one.</summary>
    public string? ErrorField { get; init; }

    /// <summary>The API's own error text (<c>message</c> in the error body, else the body's text), redacted; null when no answer arrived.</summary>
    public string? ApiMessage { get; init; }

    /// <summary>How long the API asked the caller to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// What kind of failure this is. Unless the thrower set it, it follows from the type and the status: a
    /// validation or configuration exception is <see cref="PushNotifiFailureKind.Validation"/>, the client-side limit
    /// <see cref="PushNotifiFailureKind.RateLimited"/>, 401/403/429/5xx their kinds, any other status
    /// <see cref="PushNotifiFailureKind.ApiError"/>, and no status <see cref="PushNotifiFailureKind.Network"/>.
    /// </summary>
    public PushNotifiFailureKind Kind
    {
        get => _kind ?? KindOf(this);
        init => _kind = value;
    }

    private readonly PushNotifiFailureKind? _kind;

    private static PushNotifiFailureKind KindOf(PushNotifiException exception) => exception switch
    {
        PushNotifiValidationException or PushNotifiConfigurationException => PushNotifiFailureKind.Validation,
        PushNotifiRateLimitExceededException => PushNotifiFailureKind.RateLimited,
        { StatusCode: 401 } => PushNotifiFailureKind.Unauthorized,
        { StatusCode: 403 } => PushNotifiFailureKind.Forbidden,
        { StatusCode: 429 } => PushNotifiFailureKind.RateLimited,
        { StatusCode: >= 500 } => PushNotifiFailureKind.Server,
        { StatusCode: not null } => PushNotifiFailureKind.ApiError,
        _ => PushNotifiFailureKind.Network,
    };
}
