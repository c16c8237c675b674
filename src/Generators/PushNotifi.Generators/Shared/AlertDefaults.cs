namespace PushNotifi.Generators.Shared;

/// <summary>
/// What an argument left out of <c>[PushNotifiAlert]</c> means. The only copy in the generator; a test pins the
/// values that the runtime attribute also states (its <c>DefaultMessage</c> and property initializers).
/// </summary>
internal static class AlertDefaults
{
    public const string Message = "{ExceptionType}: {ExceptionMessage} (after {Elapsed})";
    public const string SuccessTitle = "Succeeded: {Method}";
    public const string SuccessMessage = "Completed in {Elapsed}";

    /// <summary>Put before the failure key (template or default) to make the success key.</summary>
    public const string SuccessKeyPrefix = "ok:";

    /// <summary><c>PushNotifiPriority.High</c>.</summary>
    public const int Priority = 1;

    /// <summary><c>PushNotifiPriority.Low</c>.</summary>
    public const int SuccessPriority = -1;

    public const string ImplementationSuffix = "Core";
    public const string AsyncSuffix = "Async";
}
