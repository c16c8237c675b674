namespace PushNotifi;

/// <summary>
/// The client-side limit (<see cref="PushNotifiOptions.RateLimitPerMinute"/>) had no permit within
/// <see cref="PushNotifiOptions.RateLimitQueueTimeout"/>. Nothing was sent. <see cref="PushNotifiException.RetryAfter"/>
/// says when the next permit is due at the latest (one permit comes back every minute / RateLimitPerMinute).
/// </summary>
public sealed class PushNotifiRateLimitExceededException : PushNotifiException
{
    /// <summary>Creates the exception.</summary>
    public PushNotifiRateLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public PushNotifiRateLimitExceededException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public PushNotifiRateLimitExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
