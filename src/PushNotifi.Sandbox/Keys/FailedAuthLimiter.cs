namespace PushNotifi.Sandbox.Keys;

/// <summary>
/// Failed authentications per client address in a sliding minute. At <see cref="SandboxLimits.FailedAuthPerMinute"/>
/// the address is locked out (every API-key request answers 429) until older failures leave the window.
/// Successful requests are never counted.
/// </summary>
internal sealed class FailedAuthLimiter(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="address"/> has used up its failures for this minute.</summary>
    public bool IsLockedOut(string address)
    {
        lock (_gate)
        {
            return Recent(address, clock.GetUtcNow()) is { } failures && failures.Count >= SandboxLimits.FailedAuthPerMinute;
        }
    }

    /// <summary>Counts one failure; true when this one reached the limit (so the lockout is logged once).</summary>
    public bool RecordFailure(string address)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var failures = Recent(address, now);
            if (failures is null)
            {
                failures = new Queue<DateTimeOffset>();
                _failures[address] = failures;
            }

            failures.Enqueue(now);
            return failures.Count == SandboxLimits.FailedAuthPerMinute;
        }
    }

    private Queue<DateTimeOffset>? Recent(string address, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(address, out var failures))
        {
            return null;
        }

        while (failures.Count > 0 && now - failures.Peek() >= Window)
        {
            failures.Dequeue();
        }

        if (failures.Count == 0)
        {
            // Forget quiet addresses, so the table cannot grow without bound.
            _failures.Remove(address);
            return null;
        }

        return failures;
    }
}
