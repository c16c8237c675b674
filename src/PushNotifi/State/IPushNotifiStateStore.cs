namespace PushNotifi;

/// <summary>
/// The state that alerting shares: claims (the first caller of a key within a window wins: throttles, once per
/// window, storm suppression) and windowed counters (error rates). The default keeps it in this process
/// (<see cref="InMemoryPushNotifiStateStore"/>); a package such as <c>PushNotifi.Redis</c> shares it between
/// instances.
/// </summary>
/// <remarks>
/// Implementations never throw for an unavailable backend: alerting must not fail because its state did. When in
/// doubt, a claim is granted (a duplicate alert beats a lost one; the API's idempotency keys still deduplicate).
/// </remarks>
public interface IPushNotifiStateStore
{
    /// <summary>Claims <paramref name="key"/> for <paramref name="window"/>; the first claim wins until the window ends.</summary>
    /// <param name="key">What is claimed, for example an alert's idempotency key.</param>
    /// <param name="window">How long the claim holds, from this call; positive.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns><see langword="true"/> when this call made the claim; <see langword="false"/> when the key was already claimed.</returns>
    ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds one to the counter <paramref name="key"/> and returns its value. The first increment starts the window;
    /// when it ends the counter is gone and the next increment returns 1.
    /// </summary>
    /// <param name="key">The counter, for example <c>rate:stripe:503:2026-05-10T03:00:00Z</c>.</param>
    /// <param name="window">How long the counter lives, from its first increment; positive.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The counter after the increment.</returns>
    ValueTask<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken = default);
}
