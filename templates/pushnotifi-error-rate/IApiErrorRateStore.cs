namespace PushNotifiRecipes;

/// <summary>
/// Where the error counters live. The in-memory store suits one process; a multi-instance deploy replaces it
/// with a shared one (for example Redis: <c>INCR</c> with an expiry for the count, <c>SET NX</c> for the claim).
/// </summary>
public interface IApiErrorRateStore
{
    /// <summary>Adds one error to a counter's window and returns the window's count after the increment.</summary>
    /// <param name="counterKey">The counter, <c>api:errorCode</c>.</param>
    /// <param name="windowStart">The start of the fixed window the error falls in.</param>
    /// <param name="window">The window length, so that a store can expire old windows.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    ValueTask<long> IncrementAsync(string counterKey, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Claims a window's alert: returns <see langword="true"/> for exactly one caller per counter and window.</summary>
    /// <param name="counterKey">The counter, <c>api:errorCode</c>.</param>
    /// <param name="windowStart">The start of the window.</param>
    /// <param name="window">The window length.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    ValueTask<bool> TryClaimAlertAsync(string counterKey, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken);
}
