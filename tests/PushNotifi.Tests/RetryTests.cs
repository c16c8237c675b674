using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace PushNotifi.Tests;

/// <summary>Safe retries against the real sandbox's injected faults.</summary>
public class RetryTests
{
    private static PushNotifiMessage Idempotent(string key = "job:2026-05-10T03:00:00Z") =>
        PushNotifiMessage.ToDefaultGroup("Job", "Nightly job failed") with { IdempotencyKey = key };

    [Fact]
    public async Task A_recorded_send_answered_by_a_dropped_connection_is_retried_and_delivered_once()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        sandbox.Faults.DropNext(1);

        var answer = await client.SendAsync(Idempotent());

        Assert.Single(sandbox.Notifications);
        Assert.Equal(2, sandbox.Requests.Count);
        Assert.Equal("drop", sandbox.Requests[0].Fault);
        Assert.Contains("Duplicate", answer.Message);
        Assert.True(answer.Duplicate);
        var keys = sandbox.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("idempotency_key").GetString());
        Assert.All(keys, k => Assert.Equal("job:2026-05-10T03:00:00Z", k));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Transient_statuses_are_retried_when_the_send_is_idempotent(int status)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        sandbox.Faults.FailNext(2, status);

        await client.SendAsync(Idempotent());

        Assert.Equal(3, sandbox.Requests.Count);
        Assert.Single(sandbox.Notifications);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetryAttempts()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var options = Loopback.Options(sandbox);
        options.MaxRetryAttempts = 2;
        var client = Loopback.Client(options);
        sandbox.Faults.FailNext(5, 503);

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(Idempotent()));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, sandbox.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task Other_4xx_answers_are_never_retried(int status)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        sandbox.Faults.FailNext(1, status);

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(Idempotent()));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(sandbox.Requests);
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task A_send_without_an_idempotency_key_is_not_retried_after_a_5xx()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        sandbox.Faults.FailNext(1, 500);

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Equal(500, error.StatusCode);
        Assert.Single(sandbox.Requests);
        Assert.Empty(sandbox.Notifications);
    }

    [Fact]
    public async Task A_send_without_an_idempotency_key_is_not_retried_after_a_dropped_connection()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        sandbox.Faults.DropNext(1);

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(PushNotifiMessage.ToDefaultGroup("T", "M")));

        Assert.Null(error.StatusCode);
        Assert.Contains("could not reach", error.Message);
        Assert.Single(sandbox.Requests);
        Assert.Single(sandbox.Notifications); // delivered once; the caller is told it may not have been
    }

    [Fact]
    public async Task GETs_are_retried_as_they_change_nothing()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = Loopback.Client(Loopback.Options(sandbox));
        sandbox.Faults.FailNext(1, 500);

        var groups = await client.ListGroupsAsync();

        Assert.NotEmpty(groups);
        Assert.Equal(2, sandbox.Requests.Count);
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_honoured_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        var options = Loopback.Options(sandbox);
        options.RetryBaseDelay = TimeSpan.FromSeconds(1); // what it would wait if Retry-After were ignored
        options.AttemptTimeout = TimeSpan.FromHours(1);
        options.RetryTotalTimeout = TimeSpan.FromHours(2);
        var logger = new FakeLogger();
        var client = Loopback.Client(options, logger, clock);
        sandbox.Faults.RateLimitNext(1, TimeSpan.FromSeconds(30));

        var send = client.SendAsync(Idempotent());
        var elapsed = await FakeClock.AdvanceUntilDoneAsync(clock, send, TimeSpan.FromSeconds(1));
        await send;

        Assert.Equal("00:00:30", Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 3).GetStructuredStateValue("Delay"));
        Assert.Equal(2, sandbox.Requests.Count);
        Assert.True(sandbox.Requests[1].ReceivedAt - sandbox.Requests[0].ReceivedAt >= TimeSpan.FromSeconds(30));
        Assert.True(elapsed >= TimeSpan.FromSeconds(30), $"waited only {elapsed}");
        Assert.Single(sandbox.Notifications);
    }

    [Fact]
    public async Task Without_Retry_After_the_backoff_starts_at_the_base_delay_and_doubles()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        var options = Loopback.Options(sandbox);
        options.RetryBaseDelay = TimeSpan.FromSeconds(5);
        options.AttemptTimeout = TimeSpan.FromHours(1);
        options.RetryTotalTimeout = TimeSpan.FromHours(2);
        var logger = new FakeLogger();
        var client = Loopback.Client(options, logger, clock);
        sandbox.Faults.FailNext(2, 503);

        var send = client.SendAsync(Idempotent());
        await FakeClock.AdvanceUntilDoneAsync(clock, send, TimeSpan.FromSeconds(1));
        await send;

        var delays = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 3).Select(r => r.GetStructuredStateValue("Delay"));
        Assert.Equal(["00:00:05", "00:00:10"], delays);
        var at = sandbox.Requests.Select(r => r.ReceivedAt).ToArray();
        Assert.Equal(3, at.Length);
        Assert.True(at[1] - at[0] >= TimeSpan.FromSeconds(5));
        Assert.True(at[2] - at[1] >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_total_bound_is_not_waited_for()
    {
        var clock = new FakeTimeProvider();
        await using var sandbox = await TestSandbox.StartAsync(clock: clock);
        var options = Loopback.Options(sandbox);
        options.RetryTotalTimeout = TimeSpan.FromSeconds(60);
        var client = Loopback.Client(options, time: clock);
        sandbox.Faults.RateLimitNext(1, TimeSpan.FromMinutes(10));

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => client.SendAsync(Idempotent()));

        Assert.Equal(429, error.StatusCode);
        Assert.Contains("Retry after", error.Message);
        Assert.Single(sandbox.Requests);
    }

    [Fact]
    public async Task Total_time_is_bounded_even_when_every_attempt_hangs()
    {
        var clientClock = new FakeTimeProvider();
        var sandboxClock = new FakeTimeProvider(); // never advanced: injected delays never end
        await using var sandbox = await TestSandbox.StartAsync(clock: sandboxClock);
        var options = Loopback.Options(sandbox);
        options.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.RetryTotalTimeout = TimeSpan.FromSeconds(25);
        options.MaxRetryAttempts = 10;
        var client = Loopback.Client(options, time: clientClock);
        sandbox.Faults.DelayNext(20, TimeSpan.FromHours(1));

        var start = clientClock.GetUtcNow();
        var send = client.SendAsync(Idempotent());

        // Each attempt hangs at the sandbox; once it is recorded, its attempt timer exists and can be run out.
        await Loopback.WaitForRequestsAsync(sandbox, 1);
        clientClock.Advance(TimeSpan.FromSeconds(10));
        await Loopback.WaitForRequestsAsync(sandbox, 2);
        clientClock.Advance(TimeSpan.FromSeconds(10));
        await Loopback.WaitForRequestsAsync(sandbox, 3);
        clientClock.Advance(TimeSpan.FromSeconds(5)); // 25 s in all: the total bound, mid third attempt

        var error = await Assert.ThrowsAsync<PushNotifiException>(() => send);
        Assert.Contains("timed out", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(25), clientClock.GetUtcNow() - start);
        Assert.Equal(3, sandbox.Requests.Count);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    public void Retry_After_delta_seconds_is_read(string header, int seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.From(response, TimeProvider.System));
    }

    [Fact]
    public void Retry_After_as_an_HTTP_date_is_read_against_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 10, 3, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Sun, 10 May 2026 03:01:30 GMT");
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.TryAddWithoutValidation("Retry-After", "Sun, 10 May 2026 02:00:00 GMT");

        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.From(response, clock));
        Assert.Equal(TimeSpan.Zero, RetryAfter.From(past, clock));
    }
}
