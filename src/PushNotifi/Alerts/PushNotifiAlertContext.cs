using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PushNotifi.Alerts;

namespace PushNotifi;

/// <summary>
/// One alert being rendered by generated code and handed to an <see cref="IPushNotifiAlerter"/>. Rendering helpers
/// never write a [Redact] value; the alerter redacts every text and cuts it to <see cref="PushNotifiLimits"/>.
/// Sending never throws: a failed or slow alert is logged and the original exception still propagates.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PushNotifiAlertContext
{
    /// <summary>What a [Redact] value renders as in a title or message.</summary>
    public const string RedactionMark = "[redacted]";

    private readonly Exception? _exception;
    private readonly long _started;
    private readonly bool _suppressed;
    private readonly IPushNotifiAlerter? _alerter;
    private readonly string? _noAlerter;
    private readonly Redactor _redactor;
    private readonly ILogger? _logger;
    private List<string>? _concealed;

    // A null alerter (or PushNotifiAlerts.Alerter) means the default client's.
    internal PushNotifiAlertContext(IPushNotifiAlerter? alerter, Exception? exception, long started, string method, bool suppressed)
    {
        _exception = exception;
        _started = started;
        _suppressed = suppressed;
        Method = method;
        Title = method;
        Message = method;
        if (alerter is null or DefaultClientAlerter)
        {
            // Resolved now, since [Redact] fingerprints need the client's redactor; a missing configuration (e.g. no
            // PUSHNOTIFI_USER_KEY) is reported when sending, after the texts are known.
            alerter = DefaultClientAlerter.TryResolve(out var resolved, out var reason) ? resolved : null;
            _noAlerter = reason;
        }

        _alerter = alerter;
        var builtIn = alerter as PushNotifiAlerter;
        _redactor = builtIn?.Redactor ?? Redactor.Default;
        _logger = builtIn is null ? PushNotifiAlerts.Logger : builtIn.Logger;
    }

    /// <summary>The title, before redaction and truncation.</summary>
    public string Title { get; set; }

    /// <summary>The message, before redaction and truncation.</summary>
    public string Message { get; set; }

    /// <summary>The idempotency key, before redaction and shortening.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The priority.</summary>
    public PushNotifiPriority Priority { get; set; } = PushNotifiPriority.High;

    /// <summary>
    /// How long this alert's idempotency key stays claimed once sent, so repeats within it are not sent;
    /// <see cref="PushNotifiAlerts.SuppressionWindow"/> when null, and off when zero.
    /// </summary>
    public TimeSpan? SuppressionWindow { get; set; }

    /// <summary>The wrapped method, as <c>Type.Method</c>.</summary>
    public string Method { get; }

    /// <summary>The exception's full type name; empty for a success alert.</summary>
    public string ExceptionType => _exception?.GetType().FullName ?? string.Empty;

    /// <summary>The exception's message (redacted with the rest of the text when sent).</summary>
    public string ExceptionMessage => _exception?.Message ?? string.Empty;

    /// <summary>The time since the wrapper started, e.g. <c>420 ms</c> or <c>3.2 s</c>.</summary>
    public string Elapsed => AlertText.FormatElapsed(_started == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Environment.TickCount64 - _started));

    /// <summary>Renders a value invariantly; null renders as <c>null</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Generated code calls it on the alert it renders.")]
    public string Text<T>(T value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Keeps a [Redact] value out of every text, including exception messages that quote it.</summary>
    public void Conceal<T>(T value)
    {
        var text = Text(value);
        if (text.Length >= 4 && text != "null")
        {
            (_concealed ??= []).Add(text);
        }
    }

    /// <summary>A stable, non-reversible fingerprint of a [Redact] value, for idempotency keys.</summary>
    public string Fingerprint<T>(T value) => _redactor.Fingerprint(Text(value));

    /// <summary>A fingerprint of all arguments, for the default idempotency key.</summary>
    public string FingerprintArguments(params string[] values) => _redactor.Fingerprint(string.Join('\u001f', values));

    /// <summary>Falls back to plain texts when a template could not be rendered (e.g. a member threw).</summary>
    public void RenderFailed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Title = Method + (_exception is null ? " succeeded" : " failed");
        Message = _exception is null ? "Completed." : ExceptionType + ": " + ExceptionMessage;
        IdempotencyKey = Method + ":" + (_exception is null ? "ok" : ExceptionType);
        AlertLog.RenderFailed(_logger, Method, error.GetType().FullName ?? "?");
    }

    /// <summary>
    /// Sends the alert through the alerter, which waits at most its time budget and sends nothing when the
    /// idempotency key is already claimed within the <see cref="SuppressionWindow"/>; never throws.
    /// </summary>
    public void Send(CancellationToken cancellationToken)
    {
        if (Prepare() is not { } alert)
        {
            return;
        }

        try
        {
            // Bounded by the alerter's budget; the send (and a user's own alerter whole) runs off this thread's
            // synchronization context, so blocking here cannot deadlock.
            var token = UnlessCallerCancellation(cancellationToken);
            var pending = _alerter is PushNotifiAlerter builtIn
                ? builtIn.TrySendAlertAsync(alert, blocking: true, token)
                : Task.Run(() => _alerter!.TrySendAlertAsync(alert, token), CancellationToken.None);
            if (!pending.IsCompleted)
            {
                pending.Wait(CancellationToken.None);
            }

            _ = pending.Exception;
        }
        catch (Exception error)
        {
            Report(error);
        }
    }

    /// <summary>
    /// Sends the alert through the alerter, which waits at most its time budget and sends nothing when the
    /// idempotency key is already claimed within the <see cref="SuppressionWindow"/>; never throws.
    /// </summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        if (Prepare() is not { } alert)
        {
            return;
        }

        try
        {
            await _alerter!.TrySendAlertAsync(alert, UnlessCallerCancellation(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Report(error);
        }
    }

    /// <summary>
    /// An alert about the caller's own cancellation (AlertOnCallerCancellation) gets here with that token already
    /// cancelled; sending under it would drop the alert, so it is sent under the time budget alone.
    /// </summary>
    private CancellationToken UnlessCallerCancellation(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested && _exception is OperationCanceledException ? CancellationToken.None : cancellationToken;

    private PushNotifiAlert? Prepare()
    {
        if (_suppressed)
        {
            return null;
        }

        if (_alerter is null)
        {
            AlertLog.NoClient(_logger, Method, _noAlerter ?? "no client");
            return null;
        }

        return new PushNotifiAlert(Conceal(Title), Conceal(Message))
        {
            Priority = Priority,
            IdempotencyKey = IdempotencyKey is null ? null : Conceal(IdempotencyKey),
            SuppressionWindow = SuppressionWindow,
            Source = Method,
        };
    }

    private string Conceal(string text)
    {
        if (_concealed is not null)
        {
            foreach (var value in _concealed)
            {
                text = text.Replace(value, RedactionMark, StringComparison.Ordinal);
            }
        }

        return text;
    }

    // Only a user's own IPushNotifiAlerter can get here: it broke the never-throw contract.
    private void Report(Exception error) =>
        AlertLog.SendFailed(_logger, Method, "none", error.GetType().Name, _redactor.Redact(error.Message));
}
