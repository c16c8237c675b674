namespace PushNotifi.Internal;

/// <summary>The container-wide rate limiter (possibly none), disposed with the container.</summary>
internal sealed class SharedRateLimiter(SendRateLimiter? limiter) : IDisposable
{
    internal SendRateLimiter? Limiter { get; } = limiter;

    public void Dispose() => Limiter?.Dispose();
}
