namespace PushNotifi;

/// <summary>
/// What kind of failure a <see cref="PushNotifiException"/> is, so callers switch on it instead of guessing from
/// the status code or the inner exceptions. The CLI's exit codes and the MCP server's error codes map from it.
/// </summary>
public enum PushNotifiFailureKind
{
    /// <summary>Nothing was sent: the message or the configuration is invalid (<see cref="PushNotifiValidationException"/>, <see cref="PushNotifiConfigurationException"/>).</summary>
    Validation,

    /// <summary>The API refused the key (HTTP 401), or calls are paused after it did.</summary>
    Unauthorized,

    /// <summary>The key is valid but lacks the scope the call needs (HTTP 403), or calls are paused after it did.</summary>
    Forbidden,

    /// <summary>Too many calls: the client-side limit had no permit (<see cref="PushNotifiRateLimitExceededException"/>, nothing was sent) or the API answered 429. See <see cref="PushNotifiException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>No answer arrived: the connection was refused or reset, or one attempt ran past its own timeout.</summary>
    Network,

    /// <summary>The whole call, retries included, ran past <see cref="PushNotifiOptions.RetryTotalTimeout"/>.</summary>
    Timeout,

    /// <summary>The API failed (HTTP 5xx).</summary>
    Server,

    /// <summary>Any other error answer (e.g. HTTP 400 or 404), or an answer that breaks the contract.</summary>
    ApiError,
}
