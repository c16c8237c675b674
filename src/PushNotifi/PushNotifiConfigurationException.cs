namespace PushNotifi;

/// <summary>Missing or invalid configuration. Names the environment variable to fix.</summary>
public sealed class PushNotifiConfigurationException : PushNotifiException
{
    /// <summary>Creates the exception for an environment variable such as <c>PUSHNOTIFI_USER_KEY</c>.</summary>
    public PushNotifiConfigurationException(string variableName, string message)
        : base(message)
    {
        VariableName = variableName;
    }

    /// <summary>Creates the exception with no variable name.</summary>
    public PushNotifiConfigurationException()
    {
        VariableName = string.Empty;
    }

    /// <summary>Creates the exception with no variable name.</summary>
    public PushNotifiConfigurationException(string message)
        : base(message)
    {
        VariableName = string.Empty;
    }

    /// <summary>Creates the exception with no variable name.</summary>
    public PushNotifiConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        VariableName = string.Empty;
    }

    /// <summary>The environment variable at fault, e.g. <c>PUSHNOTIFI_USER_KEY</c>.</summary>
    public string VariableName { get; }
}
