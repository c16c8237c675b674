namespace PushNotifi.Internal;

/// <summary>Stands in for a cause whose text held a secret: same type name, redacted message, redacted causes.</summary>
internal sealed class RedactedInnerException : Exception
{
    private RedactedInnerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Returns <paramref name="exception"/> itself when its full text is clean, else a redacted copy of the chain.</summary>
    internal static Exception? Sanitize(Exception? exception, Redactor redactor)
    {
        if (exception is null)
        {
            return null;
        }

        var text = exception.ToString();
        if (redactor.Redact(text) == text)
        {
            return exception;
        }

        return new RedactedInnerException(
            $"{exception.GetType().FullName}: {redactor.Redact(exception.Message)}",
            Sanitize(exception.InnerException, redactor));
    }
}
