using PushNotifi.Cli.Commands;

namespace PushNotifi.Cli.Tests.Verbs;

/// <summary>The one table from <see cref="PushNotifiException.Kind"/> to the documented exit codes.</summary>
public class ExitCodeTableTests
{
    [Theory]
    [InlineData(PushNotifiFailureKind.Validation, null, 2)]
    [InlineData(PushNotifiFailureKind.Unauthorized, 401, 1)]
    [InlineData(PushNotifiFailureKind.Forbidden, 403, 1)]
    [InlineData(PushNotifiFailureKind.RateLimited, null, 1)]
    [InlineData(PushNotifiFailureKind.RateLimited, 429, 1)]
    [InlineData(PushNotifiFailureKind.Server, 500, 1)]
    [InlineData(PushNotifiFailureKind.ApiError, 404, 1)]
    [InlineData(PushNotifiFailureKind.Network, null, 3)]
    [InlineData(PushNotifiFailureKind.Timeout, null, 3)]
    public void Each_kind_has_one_exit_code(PushNotifiFailureKind kind, int? status, int exitCode)
    {
        Assert.Equal(exitCode, ApiFailure.ExitCode(new PushNotifiException("failed", status, body: null) { Kind = kind }));
    }

    [Fact]
    public void The_exception_types_keep_their_exit_codes()
    {
        Assert.Equal(ExitCodes.Usage, ApiFailure.ExitCode(new PushNotifiValidationException("title", "too long")));
        Assert.Equal(ExitCodes.Usage, ApiFailure.ExitCode(new PushNotifiConfigurationException("PUSHNOTIFI_USER_KEY", "missing")));
        Assert.Equal(ExitCodes.ApiError, ApiFailure.ExitCode(new PushNotifiRateLimitExceededException("no permit")));
        Assert.Equal(ExitCodes.Network, ApiFailure.ExitCode(new PushNotifiException("could not reach")));
    }
}
