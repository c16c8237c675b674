namespace PushNotifi.Sandbox;

/// <summary>
/// Faults to inject into the next <c>/api/v1</c> requests. Faults queue up in the order they were
/// added; each request takes one from the front. Thread-safe.
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly LinkedList<SandboxFault> _pending = new();

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="statusCode"/> (default 500).</summary>
    public void FailNext(int count, int statusCode = 500)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An injected error status must be 400-599.");
        }

        Add(new SandboxFault(SandboxFaultKind.Error, count, statusCode, TimeSpan.Zero, TimeSpan.Zero));
    }

    /// <summary>The next <paramref name="count"/> requests answer 429 with <c>Retry-After</c> (whole seconds, rounded up).</summary>
    public void RateLimitNext(int count, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        Add(new SandboxFault(SandboxFaultKind.RateLimit, count, 429, retryAfter, TimeSpan.Zero));
    }

    /// <summary>The next <paramref name="count"/> requests wait <paramref name="delay"/> (on the sandbox's clock), then proceed normally.</summary>
    public void DelayNext(int count, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(new SandboxFault(SandboxFaultKind.Delay, count, 0, TimeSpan.Zero, delay));
    }

    /// <summary>The next <paramref name="count"/> requests are recorded and handled, then their connection is aborted unanswered.</summary>
    public void DropNext(int count) =>
        Add(new SandboxFault(SandboxFaultKind.Drop, count, 0, TimeSpan.Zero, TimeSpan.Zero));

    /// <summary>A snapshot of the faults still to apply, in order.</summary>
    public IReadOnlyList<SandboxFault> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending];
            }
        }
    }

    /// <summary>Removes every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    /// <summary>Takes one request's worth of the front fault, or null when none is pending.</summary>
    internal SandboxFault? TakeNext()
    {
        lock (_gate)
        {
            var first = _pending.First;
            if (first is null)
            {
                return null;
            }

            var fault = first.Value;
            if (fault.Remaining <= 1)
            {
                _pending.RemoveFirst();
            }
            else
            {
                first.Value = fault with { Remaining = fault.Remaining - 1 };
            }

            return fault with { Remaining = 1 };
        }
    }

    private void Add(SandboxFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Remaining, 1, "count");
        lock (_gate)
        {
            _pending.AddLast(fault);
        }
    }
}
