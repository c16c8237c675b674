namespace PushNotifi.Cli.Commands;

/// <summary>The secrets a command knows, and a redactor that hides each of them in anything it prints.</summary>
internal static class CliSecrets
{
    /// <summary>A redactor for every PushNotifi secret visible through <paramref name="environment"/>.</summary>
    public static Redactor RedactorFor(CliEnvironment environment) => new(
    [
        environment.Get(PushNotifiEnvironmentVariables.UserKey),
        environment.Get(PushNotifiEnvironmentVariables.GroupKey),
        environment.Get(PushNotifiEnvironmentVariables.ApplicationKey),
        environment.Get(PushNotifiEnvironmentVariables.WebhookToken),
    ]);

    /// <summary>
    /// Loads the settings; on a .env syntax error writes the (value-free) message and returns null.
    /// </summary>
    public static async Task<CliEnvironment?> LoadAsync(CliContext context)
    {
        try
        {
            return CliEnvironment.Load(context);
        }
        catch (InvalidDataException exception)
        {
            await context.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>
    /// Loads the settings and the API options for a verb that sends to the group in <c>PUSHNOTIFI_GROUP_KEY</c> with
    /// <c>PUSHNOTIFI_USER_KEY</c>. On a missing or invalid setting writes why (redacted) and returns null.
    /// </summary>
    /// <param name="context">Where the settings come from and errors go.</param>
    /// <param name="missingWhy">Appended to the "Missing …" line, or empty.</param>
    /// <param name="missingNextStep">The line after it: what to do.</param>
    public static async Task<(PushNotifiOptions Options, Redactor Redactor)?> LoadApiOptionsAsync(CliContext context, string missingWhy, string missingNextStep)
    {
        if (await LoadAsync(context).ConfigureAwait(false) is not { } environment)
        {
            return null;
        }

        var redactor = RedactorFor(environment);
        var missing = new[] { PushNotifiEnvironmentVariables.UserKey, PushNotifiEnvironmentVariables.GroupKey }
            .Where(name => environment.Get(name) is null)
            .ToArray();
        if (missing.Length > 0)
        {
            await context.Error.WriteLineAsync($"Missing {string.Join(" and ", missing)}.{missingWhy}").ConfigureAwait(false);
            await context.Error.WriteLineAsync(missingNextStep).ConfigureAwait(false);
            return null;
        }

        try
        {
            return (PushNotifiOptions.FromEnvironment(environment.Get), redactor);
        }
        catch (PushNotifiConfigurationException exception)
        {
            await context.Error.WriteLineAsync(redactor.Redact(exception.Message)).ConfigureAwait(false);
            return null;
        }
    }
}
