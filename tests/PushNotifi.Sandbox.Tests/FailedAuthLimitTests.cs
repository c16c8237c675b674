using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Sandbox.Tests;

/// <summary>20 failed authentications a minute per address, then 429 RATE_LIMITED; on an injected clock.</summary>
public class FailedAuthLimitTests
{
    private const string WrongKey = TestKeys.WrongUser;

    [Fact]
    public async Task Twenty_failures_then_429_with_retry_after_60_for_every_key_from_that_address()
    {
        await using var sandbox = await TestSandbox.StartAsync(clock: new FakeTimeProvider());
        using var wrong = Fake.Client(sandbox, WrongKey);
        using var right = Fake.Client(sandbox);

        for (var i = 0; i < SandboxLimits.FailedAuthPerMinute; i++)
        {
            using var refused = await wrong.SendToGroupAsync();
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await wrong.SendToGroupAsync();
        using var evenValid = await right.SendToGroupAsync();
        var body = await limited.JsonAsync();

        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests), (limited.StatusCode, evenValid.StatusCode));
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("RATE_LIMITED", body.GetProperty("error").GetString());
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task Successful_requests_are_not_counted()
    {
        await using var sandbox = await TestSandbox.StartAsync(clock: new FakeTimeProvider());
        using var wrong = Fake.Client(sandbox, WrongKey);
        using var right = Fake.Client(sandbox);

        for (var i = 0; i < 50; i++)
        {
            using var ok = await right.SendToGroupAsync();
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        for (var i = 0; i < SandboxLimits.FailedAuthPerMinute - 1; i++)
        {
            using var refused = await wrong.SendToGroupAsync();
        }

        using var stillOk = await right.SendToGroupAsync();
        Assert.Equal(HttpStatusCode.OK, stillOk.StatusCode);
    }

    [Fact]
    public async Task The_address_recovers_once_the_failures_leave_the_minute()
    {
        var clock = new FakeTimeProvider();
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        using var wrong = Fake.Client(sandbox, WrongKey);
        using var right = Fake.Client(sandbox);
        for (var i = 0; i < SandboxLimits.FailedAuthPerMinute; i++)
        {
            using var refused = await wrong.SendToGroupAsync();
        }

        clock.Advance(TimeSpan.FromSeconds(59));
        using var stillLimited = await right.SendToGroupAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        using var recovered = await right.SendToGroupAsync();

        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (stillLimited.StatusCode, recovered.StatusCode));
    }

    [Fact]
    public async Task Refused_keys_are_recorded_and_logged_only_as_a_fingerprint()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var wrong = Fake.Client(sandbox, WrongKey);

        using var first = await wrong.SendToGroupAsync();
        using var second = await wrong.SendToGroupAsync();
        var page = await wrong.GetStringAsync("/sandbox/requests");

        var (a, b) = (sandbox.Requests[0], sandbox.Requests[1]);
        Assert.Null(a.ApiKeyLastFour);
        Assert.Matches("^fp_[0-9a-f]{12}$", a.ApiKeyFingerprint);
        Assert.Equal(a.ApiKeyFingerprint, b.ApiKeyFingerprint);
        Assert.DoesNotContain(WrongKey[^4..], page, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey[..8], page, StringComparison.Ordinal);
    }
}
