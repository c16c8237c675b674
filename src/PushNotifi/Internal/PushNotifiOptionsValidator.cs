using Microsoft.Extensions.Options;

namespace PushNotifi.Internal;

/// <summary>Validates <see cref="PushNotifiOptions"/> at host start, naming the variable to fix.</summary>
internal sealed class PushNotifiOptionsValidator : IValidateOptions<PushNotifiOptions>
{
    public ValidateOptionsResult Validate(string? name, PushNotifiOptions options) =>
        options.FindProblem() is { } problem
            ? ValidateOptionsResult.Fail(problem.Message.Contains(problem.Variable, StringComparison.Ordinal) ? problem.Message : $"{problem.Variable}: {problem.Message}")
            : ValidateOptionsResult.Success;
}
