namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>A clock stopped at one instant, for the test command's idempotency key.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
