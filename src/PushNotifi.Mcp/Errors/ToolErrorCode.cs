namespace PushNotifi.Mcp.Errors;

/// <summary>The six error codes of the upstream server, spelled as it spells them.</summary>
internal static class ToolErrorCode
{
    /// <summary>A tool needs an environment variable that is not set (e.g. <c>PUSHNOTIFI_GROUP_KEY</c>).</summary>
    internal const string MissingEnv = "MISSING_ENV";

    /// <summary>An argument broke the schema, or the tool is unknown.</summary>
    internal const string InvalidArg = "INVALID_ARG";

    /// <summary>The server's own per-minute send budget is spent.</summary>
    internal const string RateLimited = "RATE_LIMITED";

    /// <summary>The API answered with an error status (or broke the contract).</summary>
    internal const string ApiError = "API_ERROR";

    /// <summary>No answer arrived: refused, reset, or one request ran past its 10 s.</summary>
    internal const string NetworkError = "NETWORK_ERROR";

    /// <summary>The whole call, retries included, ran past its time budget.</summary>
    internal const string Timeout = "TIMEOUT";
}
