namespace PushNotifi.Redis;

/// <summary>
/// The first connection is still being made: the call goes on without Redis, but this is start-up, not an outage,
/// so nothing is logged. A Redis that is down at start-up is reported when that first attempt fails.
/// </summary>
internal sealed class StillConnectingException : Exception
{
    public StillConnectingException()
        : base("Redis is still connecting.")
    {
    }

    public StillConnectingException(string message)
        : base(message)
    {
    }

    public StillConnectingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
