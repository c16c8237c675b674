using System.CommandLine;

namespace PushNotifi.Cli.Commands;

/// <summary>
/// <c>pushnotifi test</c>: one group notification to prove keys, network and device work. No retries,
/// the API's message shown as returned, never a key.
/// </summary>
internal static class TestCommand
{
    /// <summary>The title of the test notification.</summary>
    public const string Title = "Test from dotnet";

    /// <summary>The body of the test notification.</summary>
    public const string Body = "PushNotifi is working.";

    /// <summary>Builds <c>pushnotifi test</c>.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "test",
            $"Send one test notification (\"{Title}\") to the group in PUSHNOTIFI_GROUP_KEY with the key in PUSHNOTIFI_USER_KEY "
            + "(from the environment or ./.env; PUSHNOTIFI_API_BASE_URL picks the server). Never retries.");
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (await CliSecrets.LoadApiOptionsAsync(
            context,
            string.Empty,
            "Missing PUSHNOTIFI_USER_KEY or PUSHNOTIFI_GROUP_KEY. Run `pushnotifi init` first, then fill them in `.env`.").ConfigureAwait(false) is not { } loaded)
        {
            return ExitCodes.Usage;
        }

        var (options, redactor) = loaded;
        options.MaxRetryAttempts = 0; // The user pressed a button: show them this one result.
        var client = new PushNotifiClient(options);
        var message = new PushNotifiMessage
        {
            Type = PushNotifiRecipientType.Group,
            SendToKey = options.GroupKey,
            Title = Title,
            Message = Body,
            Priority = PushNotifiPriority.Normal,
            IdempotencyKey = $"dotnet-cli-test:{context.TimeProvider.GetUtcNow().ToUnixTimeSeconds()}",
        };

        try
        {
            var result = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync("Test notification sent. Check your PushNotifi mobile app.").ConfigureAwait(false);
            await context.Out.WriteLineAsync(result.Message).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (PushNotifiException exception)
        {
            return await ApiFailure.ReportAsync(context.Error, redactor, exception, "Test notification", options.ApiBaseUrl, status => LikelyCause(status, options.UserKey)).ConfigureAwait(false);
        }
    }

    /// <summary>The likely cause of an error status, naming the key in use by its last 4 characters.</summary>
    internal static string? LikelyCause(int status, string? userKey) => status switch
    {
        401 => $"API key is invalid or revoked. The key in use ({Redactor.LastFour(userKey)}) was refused: it is mistyped, or it was revoked or rotated. Set PUSHNOTIFI_USER_KEY to an active key of your account (create or rotate one; the full key is shown only once).",
        403 => $"The key in use ({Redactor.LastFour(userKey)}) is valid but its scope does not allow this call: a 'send' key may only send; status, acks and key management need a 'full' key.",
        429 => "Too many requests, or this address is locked out after too many failed authentications (error RATE_LIMITED: 20 a minute per address, then Retry-After: 60). Wait, and look for a process still sending a wrong or revoked key.",
        _ => LikelyCause(status),
    };

    /// <summary>The seed's most likely cause for an error status.</summary>
    internal static string? LikelyCause(int status) => status switch
    {
        401 => "API key is invalid or revoked.",
        403 => "The API key's scope does not allow this call: a 'send' key may only send; other calls need a 'full' key.",
        404 => "Group key was not found in your account.",
        400 => "Bad request body - check that `send_to_key` is a 32-char `g…` key.",
        429 => "Too many requests, or this address is locked out after too many failed authentications (RATE_LIMITED); wait for Retry-After and try again.",
        >= 500 => "The PushNotifi service had a problem; try again later.",
        _ => null,
    };
}
