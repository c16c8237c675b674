namespace PushNotifi.Cli;

/// <summary>
/// Process exit codes of the <c>pushnotifi</c> command. Documented in <c>docs/cli.md</c> and in <c>--help</c>.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The API (or sandbox) answered with an error status (4xx/5xx).</summary>
    public const int ApiError = 1;

    /// <summary>Bad usage or configuration: invalid arguments, missing keys, no or several project files.</summary>
    public const int Usage = 2;

    /// <summary>The API could not be reached (connection refused, DNS, TLS, timeout).</summary>
    public const int Network = 3;

    /// <summary><c>dotnet add package</c> failed; its exit code and stderr are printed verbatim.</summary>
    public const int PackageStepFailed = 4;

    /// <summary>The .NET SDK is missing or older than the package needs.</summary>
    public const int SdkTooOld = 5;

    /// <summary><c>ask</c>: the person answered with a negative label (Deny, No, Abort, Cancel).</summary>
    public const int Declined = 6;

    /// <summary><c>ask</c>: nobody answered before <c>--timeout</c>. Never success: not answering is never a yes.</summary>
    public const int NoAnswer = 7;

    /// <summary>A file could not be written (sysexits <c>EX_CANTCREAT</c>); nothing was changed.</summary>
    public const int CannotWrite = 73;

    /// <summary>An unexpected internal error (sysexits <c>EX_SOFTWARE</c>); the message is redacted.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl+C) before the command finished.</summary>
    public const int Cancelled = 130;

    /// <summary>The exit-code table shown at the end of <c>--help</c>.</summary>
    internal const string HelpText =
        "Exit codes: 0 ok, 1 API error, 2 usage or configuration, 3 network, 4 dotnet add package failed, "
        + "5 .NET SDK missing or too old, 6 declined (ask), 7 no answer before --timeout (ask), 73 cannot write a file (nothing changed), 70 internal error, 130 interrupted.";
}
