namespace PushNotifi;

/// <summary>A message that fails validation. Thrown before any network call.</summary>
public sealed class PushNotifiValidationException : PushNotifiException
{
    /// <summary>Creates the exception for a field (its wire name, e.g. <c>send_to_key</c>).</summary>
    public PushNotifiValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>Creates the exception with no field.</summary>
    public PushNotifiValidationException()
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with no field.</summary>
    public PushNotifiValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with no field.</summary>
    public PushNotifiValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>The wire name of the invalid field, e.g. <c>send_to_key</c>, <c>title</c>, <c>priority</c>.</summary>
    public string Field { get; }
}
