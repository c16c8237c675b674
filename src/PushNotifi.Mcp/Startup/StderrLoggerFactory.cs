using Microsoft.Extensions.Logging;

namespace PushNotifi.Mcp.Startup;

/// <summary>
/// Writes log lines to stderr, because stdout carries the protocol. Every line passes through the redactor, so no key
/// reaches it even from a library's message. The SDK's own chatter shows from warnings up. Small on purpose: the
/// console logger package costs start-up time.
/// </summary>
internal sealed class StderrLoggerFactory(TextWriter writer, Redactor redactor, LogLevel minimum = LogLevel.Information) : ILoggerFactory
{
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName)
    {
        var floor = categoryName.StartsWith("ModelContextProtocol", StringComparison.Ordinal) && minimum < LogLevel.Warning ? LogLevel.Warning : minimum;
        return new StderrLogger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..], floor);
    }

    public void AddProvider(ILoggerProvider provider)
    {
        // One destination only: stderr.
    }

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = $"{Label(level)}: {category}: {message}";
        if (exception is not null)
        {
            line += $" ({exception.GetType().Name}: {exception.Message})";
        }

        line = redactor.Redact(line);
        lock (_lock)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class StderrLogger(StderrLoggerFactory factory, string category, LogLevel floor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= floor && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                factory.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
