using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Sandbox.Tests;

public class FaultTests
{
    [Fact]
    public async Task FailNext_answers_500_for_n_requests_then_recovers()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        sandbox.Faults.FailNext(2);

        using var first = await client.SendToGroupAsync();
        using var second = await client.SendToGroupAsync();
        using var third = await client.SendToGroupAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal("internal_error", (await first.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Single(sandbox.Notifications);
        Assert.Equal(["error", "error", null], sandbox.Requests.Select(r => r.Fault));
        Assert.Equal([500, 500, 200], sandbox.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task FailNext_uses_the_given_status()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        sandbox.Faults.FailNext(1, 503);

        using var response = await client.SendToGroupAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task RateLimitNext_answers_429_with_retry_after_in_whole_seconds()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        sandbox.Faults.RateLimitNext(1, TimeSpan.FromSeconds(2.5));

        using var limited = await client.SendToGroupAsync();
        using var next = await client.SendToGroupAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("rate_limited", (await limited.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Single(sandbox.Notifications);
    }

    [Fact]
    public async Task DelayNext_holds_the_request_until_the_sandbox_clock_advances()
    {
        var clock = new FakeTimeProvider();
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        using var client = Fake.Client(sandbox);
        sandbox.Faults.DelayNext(1, TimeSpan.FromMinutes(5));

        var pending = client.SendToGroupAsync();
        await Eventually.TrueAsync(() => sandbox.Requests.Count == 1, "the delayed request is recorded");

        Assert.False(pending.IsCompleted);
        Assert.Empty(sandbox.Notifications);
        clock.Advance(TimeSpan.FromMinutes(5));
        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(sandbox.Notifications);
        Assert.Equal("delay", Assert.Single(sandbox.Requests).Fault);
    }

    [Fact]
    public async Task Dispose_ends_a_request_stuck_in_an_injected_delay()
    {
        var clock = new FakeTimeProvider();
        var sandbox = await TestSandbox.StartAsync(clock: clock);
        using var client = Fake.Client(sandbox);
        sandbox.Faults.DelayNext(1, TimeSpan.FromDays(1));
        var pending = client.SendToGroupAsync();
        await Eventually.TrueAsync(() => sandbox.Requests.Count == 1, "the delayed request is recorded");

        // The bound only stops a hung test; the sandbox's own shutdown timeout is 2 s.
        await sandbox.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<HttpRequestException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task DropNext_records_and_delivers_then_aborts_so_a_retry_is_a_duplicate()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        sandbox.Faults.DropNext(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendToGroupAsync(idempotencyKey: "retry-me"));
        var dropped = Assert.Single(sandbox.Requests);
        Assert.Equal("drop", dropped.Fault);
        Assert.Single(sandbox.Notifications);

        using var retry = await client.SendToGroupAsync(idempotencyKey: "retry-me");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True((await retry.JsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.Single(sandbox.Notifications);
        Assert.Equal(2, sandbox.Requests.Count);
    }

    [Fact]
    public async Task Faults_apply_in_the_order_added()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        sandbox.Faults.FailNext(1, 502);
        sandbox.Faults.RateLimitNext(1, TimeSpan.FromSeconds(1));

        Assert.Equal(2, sandbox.Faults.Pending.Count);
        using var first = await client.SendToGroupAsync();
        using var second = await client.SendToGroupAsync();

        Assert.Equal((HttpStatusCode.BadGateway, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode));
        Assert.Empty(sandbox.Faults.Pending);
    }

    [Fact]
    public async Task Faults_apply_to_every_api_v1_endpoint_but_not_to_inspection_or_the_page()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = Fake.Client(sandbox);
        sandbox.Faults.FailNext(1);

        using var page = await client.GetAsync("/");
        using var inspection = await client.GetAsync("/sandbox/notifications");
        using var groups = await client.GetAsync("/api/v1/groups");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inspection.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, groups.StatusCode);
    }

    [Fact]
    public void Fault_arguments_are_checked()
    {
        var faults = new SandboxFaults();

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(1, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.DelayNext(1, TimeSpan.FromSeconds(-1)));
        Assert.Empty(faults.Pending);
    }
}
