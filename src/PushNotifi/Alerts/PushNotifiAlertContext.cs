using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace PushNotifi;

/// <summary>
/// One alert being rendered and sent by generated code. Rendering helpers never write a [Redact] value; every
/// text is passed through the client's <see cref="Redactor"/> and cut to <see cref="PushNotifiLimits"/> before
/// sending. Sending never throws: a failed or slow alert is logged and the original exception still propagates.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PushNotifiAlertContext
{
    /// <summary>What a [Redact] value renders as in a title or message.</summary>
    public const string RedactionMark = "[redacted]";

    // Claims of alerts live beside the recipes' keys in a shared store; the prefix keeps them apart.
    private const string ClaimPrefix = "alert:";

    private readonly Exception? _exception;
    private readonly long _started;
    private readonly bool _suppressed;
    private readonly IPushNotifiClient? _client;
    private readonly Exception? _clientError;
    private readonly Redactor _redactor;
    private List<string>? _concealed;

    internal PushNotifiAlertContext(IPushNotifiClient? client, Exception? exception, long started, string method, bool suppressed)
    {
        _exception = exception;
        _started = started;
        _suppressed = suppressed;
        Method = method;
        Title = method;
        Message = method;
        try
        {
            _client = client ?? PushNotifiAlerts.DefaultClient;
        }
        catch (Exception error)
        {
            // E.g. PUSHNOTIFI_USER_KEY missing: reported when sending, after the texts are known.
            _clientError = error;
        }

        _redactor = (_client as PushNotifiClient)?.Redactor ?? Redactor.Default;
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
        AlertLog.RenderFailed(PushNotifiAlerts.Logger, Method, error.GetType().FullName ?? "?");
    }

    /// <summary>
    /// Sends the alert, waiting at most <see cref="PushNotifiAlerts.TimeBudget"/>; never throws. Nothing is sent when
    /// the idempotency key is already claimed within its <see cref="SuppressionWindow"/>.
    /// </summary>
    public void Send(CancellationToken cancellationToken)
    {
        if (Prepare() is not { } message)
        {
            return;
        }

        var pending = Claim(message, out var granted);
        if (!granted)
        {
            return; // suppressed: in memory, a storm of failures costs a dictionary lookup each
        }

        cancellationToken = UnlessCallerCancellation(cancellationToken);
        var budget = PushNotifiAlerts.TimeBudget;
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(budget);
        var client = _client!;

        // Off the caller's synchronization context, so blocking here cannot deadlock. A claim still in flight (a
        // remote store) is awaited there too, within the same budget.
        var send = pending is null
            ? Task.Run(() => (Task)client.SendAsync(message, cts.Token), CancellationToken.None)
            : Task.Run(
                async () =>
                {
                    if (await pending.ConfigureAwait(false))
                    {
                        await client.SendAsync(message, cts.Token).ConfigureAwait(false);
                    }
                },
                CancellationToken.None);
        try
        {
            if (!send.Wait((int)Math.Min(int.MaxValue, budget.TotalMilliseconds), cancellationToken))
            {
                AlertLog.TimedOut(PushNotifiAlerts.Logger, Method, budget.TotalSeconds);
            }
        }
        catch (Exception error)
        {
            Report(error is AggregateException { InnerException: { } inner } ? inner : error, budget);
        }
        finally
        {
            ForgetWhenDone(send, cts);
        }
    }

    /// <summary>
    /// Sends the alert, waiting at most <see cref="PushNotifiAlerts.TimeBudget"/>; never throws. Nothing is sent when
    /// the idempotency key is already claimed within its <see cref="SuppressionWindow"/>.
    /// </summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        if (Prepare() is not { } message)
        {
            return;
        }

        var pending = Claim(message, out var granted);
        if (!granted)
        {
            return; // suppressed: in memory, a storm of failures costs a dictionary lookup each
        }

        cancellationToken = UnlessCallerCancellation(cancellationToken);
        var budget = PushNotifiAlerts.TimeBudget;
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(budget);
        Task<PushNotifiSendResult>? send = null;
        try
        {
            if (pending is not null && !await pending.WaitAsync(budget, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            send = _client!.SendAsync(message, cts.Token);
            await send.WaitAsync(budget, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Report(error, budget);
        }
        finally
        {
            ForgetWhenDone(send, cts);
        }
    }

    // The store is asked only here, on the failure path. A store that throws grants the claim: a duplicate alert
    // beats a lost one, and the API's idempotency key still deduplicates it.
    // Returns null with the answer when the store gave it at once (in memory), else the claim in flight.
    private Task<bool>? Claim(PushNotifiMessage message, out bool granted)
    {
        granted = true;
        var window = SuppressionWindow ?? PushNotifiAlerts.SuppressionWindow;
        if (message.IdempotencyKey is null || window <= TimeSpan.Zero)
        {
            return null;
        }

        var store = (_client as PushNotifiClient)?.StateStore ?? PushNotifiAlerts.Store;
        ValueTask<bool> claim;
        try
        {
            claim = store.TryClaimAsync(ClaimPrefix + message.IdempotencyKey, window, CancellationToken.None);
        }
        catch (Exception)
        {
            return null;
        }

        if (claim.IsCompletedSuccessfully)
        {
            granted = claim.Result;
            return null;
        }

        return GrantedAsync(claim);
    }

    private static async Task<bool> GrantedAsync(ValueTask<bool> claim)
    {
        try
        {
            return await claim.ConfigureAwait(false);
        }
        catch (Exception)
        {
            return true;
        }
    }

    /// <summary>
    /// An alert about the caller's own cancellation (AlertOnCallerCancellation) gets here with that token already
    /// cancelled; sending under it would drop the alert, so it is sent under the time budget alone.
    /// </summary>
    private CancellationToken UnlessCallerCancellation(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested && _exception is OperationCanceledException ? CancellationToken.None : cancellationToken;

    private PushNotifiMessage? Prepare()
    {
        if (_suppressed)
        {
            return null;
        }

        if (_client is null)
        {
            AlertLog.NoClient(PushNotifiAlerts.Logger, Method, _redactor.Redact(_clientError?.Message ?? "no client"));
            return null;
        }

        var key = IdempotencyKey is null ? null : AlertText.ShortenKey(Clean(IdempotencyKey), _redactor);
        var message = AlertText.Truncate(Clean(Message), PushNotifiLimits.MessageLength);
        return new PushNotifiMessage
        {
            Type = PushNotifiRecipientType.Group,
            Title = AlertText.Truncate(Clean(Title), PushNotifiLimits.TitleLength),
            Message = message.Length == 0 ? Method : message,
            Priority = Priority,
            IdempotencyKey = key,
        };
    }

    private string Clean(string text)
    {
        if (_concealed is not null)
        {
            foreach (var value in _concealed)
            {
                text = text.Replace(value, RedactionMark, StringComparison.Ordinal);
            }
        }

        return _redactor.Redact(text);
    }

    private void Report(Exception error, TimeSpan budget)
    {
        switch (error)
        {
            case TimeoutException:
                AlertLog.TimedOut(PushNotifiAlerts.Logger, Method, budget.TotalSeconds);
                break;
            case OperationCanceledException:
                AlertLog.Cancelled(PushNotifiAlerts.Logger, Method);
                break;
            case PushNotifiException api:
                AlertLog.SendFailed(PushNotifiAlerts.Logger, Method, api.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none", api.ErrorCode ?? api.GetType().Name, _redactor.Redact(api.Message));
                break;
            default:
                AlertLog.SendFailed(PushNotifiAlerts.Logger, Method, "none", error.GetType().Name, _redactor.Redact(error.Message));
                break;
        }
    }

    private static void ForgetWhenDone(Task? send, CancellationTokenSource cts)
    {
        if (send is null || send.IsCompleted)
        {
            _ = send?.Exception;
            cts.Dispose();
            return;
        }

        // The send outlived the budget: observe its outcome and free the token source when it ends.
        send.ContinueWith(
            static (task, state) =>
            {
                _ = task.Exception;
                ((CancellationTokenSource)state!).Dispose();
            },
            cts,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
