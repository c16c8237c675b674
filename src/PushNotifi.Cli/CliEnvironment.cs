using DotNetEnv;
using DotNetEnv.Extensions;

namespace PushNotifi.Cli;

/// <summary>
/// The PushNotifi settings a command sees: the process environment first, then the <c>.env</c> file
/// in the working folder (read with DotNetEnv, without changing the process environment).
/// Empty values count as missing.
/// </summary>
internal sealed class CliEnvironment
{
    private readonly Func<string, string?> processVariable;
    private readonly IReadOnlyDictionary<string, string> dotEnv;

    private CliEnvironment(Func<string, string?> processVariable, IReadOnlyDictionary<string, string> dotEnv)
    {
        this.processVariable = processVariable;
        this.dotEnv = dotEnv;
    }

    /// <summary>Loads <c>.env</c> from <see cref="CliContext.WorkingDirectory"/>; a syntax error is an <see cref="InvalidDataException"/> that quotes no value.</summary>
    public static CliEnvironment Load(CliContext context)
    {
        var path = Path.Combine(context.WorkingDirectory, ".env");
        IReadOnlyDictionary<string, string> values = new Dictionary<string, string>();
        if (File.Exists(path))
        {
            try
            {
                values = Env.NoEnvVars().Load(path).ToDotEnvDictionary(CreateDictionaryOption.TakeLast);
            }
            catch (Exception exception) when (exception is not IOException and not UnauthorizedAccessException)
            {
                // The parser's message can quote the offending line, and that line may hold a key.
                throw new InvalidDataException($"Could not parse {path}; check its syntax (KEY=value per line).");
            }
        }

        return new CliEnvironment(context.GetEnvironmentVariable, values);
    }

    /// <summary>The value of <paramref name="name"/>, or null when unset or empty everywhere.</summary>
    public string? Get(string name)
    {
        var value = processVariable(name);
        if (string.IsNullOrWhiteSpace(value) && dotEnv.TryGetValue(name, out var fromFile))
        {
            value = fromFile;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
