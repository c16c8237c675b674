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
}
