using Microsoft.Extensions.Logging;

namespace PushNotifi.Alerts;

/// <summary>Logs why an alert was not delivered: status and reason, never a key. Falls back to standard error.</summary>
internal static partial class AlertLog
{
    public static void SendFailed(ILogger? logger, string method, string status, string error, string reason)
    {
        if (logger is null)
        {
            Console.Error.WriteLine($"PushNotifi: alert for {method} was not sent (status {status}, {error}): {reason}");
            return;
        }

        LogSendFailed(logger, method, status, error, reason);
    }

    public static void TimedOut(ILogger? logger, string method, double seconds)
    {
        if (logger is null)
        {
            Console.Error.WriteLine($"PushNotifi: alert for {method} was abandoned after its {seconds:0.###} s time budget.");
            return;
        }

        LogTimedOut(logger, method, seconds);
    }

    public static void Cancelled(ILogger? logger, string method)
    {
        if (logger is null)
        {
            Console.Error.WriteLine($"PushNotifi: alert for {method} was cancelled by the caller.");
            return;
        }

        LogCancelled(logger, method);
    }

    public static void NoClient(ILogger? logger, string method, string reason)
    {
        if (logger is null)
        {
            Console.Error.WriteLine($"PushNotifi: alert for {method} was not sent: {reason}");
            return;
        }

        LogNoClient(logger, method, reason);
    }

    public static void RenderFailed(ILogger? logger, string method, string error)
    {
        if (logger is null)
        {
            Console.Error.WriteLine($"PushNotifi: alert texts for {method} could not be rendered ({error}); sending plain texts.");
            return;
        }

        LogRenderFailed(logger, method, error);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "PushNotifi alert for {Method} was not sent (status {Status}, {Error}): {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string method, string status, string error, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "PushNotifi alert for {Method} was abandoned after its {Seconds} s time budget")]
    private static partial void LogTimedOut(ILogger logger, string method, double seconds);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "PushNotifi alert for {Method} was cancelled by the caller")]
    private static partial void LogCancelled(ILogger logger, string method);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "PushNotifi alert for {Method} was not sent: {Reason}")]
    private static partial void LogNoClient(ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "PushNotifi alert texts for {Method} could not be rendered ({Error}); sending plain texts")]
    private static partial void LogRenderFailed(ILogger logger, string method, string error);
}
