using PushNotifi.Mcp.Errors;

namespace PushNotifi.Mcp.Tests.Errors;

/// <summary>The one table from <see cref="PushNotifiException.Kind"/> to the upstream's error codes.</summary>
public class FailureKindMappingTests
{
    private static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(PushNotifiFailureKind.Validation, null, "INVALID_ARG")]
    [InlineData(PushNotifiFailureKind.Unauthorized, 401, "API_ERROR")]
    [InlineData(PushNotifiFailureKind.Forbidden, 403, "API_ERROR")]
    [InlineData(PushNotifiFailureKind.RateLimited, null, "RATE_LIMITED")]
    [InlineData(PushNotifiFailureKind.RateLimited, 429, "API_ERROR")]
    [InlineData(PushNotifiFailureKind.Server, 503, "API_ERROR")]
    [InlineData(PushNotifiFailureKind.ApiError, 404, "API_ERROR")]
    [InlineData(PushNotifiFailureKind.Network, null, "NETWORK_ERROR")]
    [InlineData(PushNotifiFailureKind.Timeout, null, "TIMEOUT")]
    public void Each_kind_maps_to_one_code(PushNotifiFailureKind kind, int? status, string code)
    {
        var failure = FailureMapper.Map(new PushNotifiException("failed", status, body: null) { Kind = kind }, Redactor.Default, 30, CallBudget);

        Assert.Equal(code, failure.Code);
    }

    [Fact]
    public void A_timeout_whose_cause_was_replaced_by_a_redacted_copy_is_still_TIMEOUT_with_the_budget()
    {
        // The transport replaces a cause whose text held a key; the kind, not the cause's type, says it timed out.
        var redactedCause = new InvalidOperationException("Polly.Timeout.TimeoutRejectedException: …0001");
        var exception = new PushNotifiException("PushNotifi send timed out after 00:00:30 without an answer.", null, null, redactedCause)
        {
            Kind = PushNotifiFailureKind.Timeout,
        };

        var failure = FailureMapper.Map(exception, Redactor.Default, 30, CallBudget);

        Assert.Equal("TIMEOUT", failure.Code);
        Assert.Equal(30_000, (long?)failure.Details["timeout_ms"]);
    }

    [Fact]
    public void The_client_side_limit_reports_the_bucket_and_a_429_reports_the_status_and_its_wait()
    {
        var local = FailureMapper.Map(new PushNotifiRateLimitExceededException("no permit") { RetryAfter = TimeSpan.FromSeconds(2) }, Redactor.Default, 30, CallBudget);
        var api = FailureMapper.Map(new PushNotifiException("HTTP 429", 429, body: null) { RetryAfter = TimeSpan.FromSeconds(120) }, Redactor.Default, 30, CallBudget);

        Assert.Equal((2_000L, 30), ((long?)local.Details["retry_after_ms"], (int?)local.Details["capacity_per_minute"]));
        Assert.Equal((429, 120_000L), ((int?)api.Details["status"], (long?)api.Details["retry_after_ms"]));
    }
}
