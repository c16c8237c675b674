using Microsoft.Extensions.Logging;

namespace PushNotifi.Redis;

/// <summary>The package's log lines: one per outage and one per recovery; never a key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "PushNotifi: Redis is unavailable ({Reason}); alerts still go out, with claims, counters and the rate limit kept in this process until it is back")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "PushNotifi: Redis is back after {Seconds:0.#} s; shared claims, counters and rate limit resume")]
    public static partial void Recovered(ILogger logger, double seconds);
}
