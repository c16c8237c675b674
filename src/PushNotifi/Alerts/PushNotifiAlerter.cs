using System.Globalization;
using Microsoft.Extensions.Logging;
using PushNotifi.Diagnostics;

namespace PushNotifi.Alerts;

/// <summary>
/// The guarded send behind <see cref="IPushNotifiAlerter"/>: redact, cut, claim once, send within the budget, and
/// turn every failure into an outcome. A setting left null here is read from <see cref="PushNotifiAlerts"/> at each
/// call (the fallback for code with no container); the container's alerter sets them all.
/// </summary>
internal sealed class PushNotifiAlerter : IPushNotifiAlerter
{
    // Claims of alerts live beside the recipes' keys in a shared store; the prefix keeps them apart.
    private const string ClaimPrefix = "alert:";

    private readonly IPushNotifiClient _client;
    private readonly IPushNotifiStateStore? _store;
    private readonly ILogger? _logger;
    private readonly TimeSpan? _timeBudget;
    private readonly TimeSpan? _suppressionWindow;
    private readonly PushNotifiMetrics _metrics;

    internal PushNotifiAlerter(
        IPushNotifiClient client,
        Redactor redactor,
        IPushNotifiStateStore? store = null,
        ILogger? logger = null,
        TimeSpan? timeBudget = null,
        TimeSpan? suppressionWindow = null,
        PushNotifiMetrics? metrics = null)
    {
        _client = client;
        Redactor = redactor;
        _store = store;
        _logger = logger;
        _timeBudget = timeBudget;
        _suppressionWindow = suppressionWindow;
        _metrics = metrics ?? PushNotifiMetrics.Shared;
    }

    /// <summary>Redacts every text this alerter sends or logs; wrappers fingerprint [Redact] values with it.</summary>
    internal Redactor Redactor { get; }

    /// <summary>Where failed alerts are logged; null writes one line to standard error.</summary>
    internal ILogger? Logger => _logger ?? PushNotifiAlerts.Logger;

    private TimeSpan TimeBudget => _timeBudget ?? PushNotifiAlerts.TimeBudget;

    /// <inheritdoc />
    public Task<PushNotifiAlertOutcome> TrySendAlertAsync(PushNotifiAlert alert, CancellationToken cancellationToken = default) =>
        TrySendAlertAsync(alert, blocking: false, cancellationToken);

    /// <param name="alert">The alert.</param>
    /// <param name="blocking">The caller will block on the result (a synchronous wrapper): the send then runs off its synchronization context.</param>
    /// <param name="cancellationToken">Gives up early.</param>
    internal Task<PushNotifiAlertOutcome> TrySendAlertAsync(PushNotifiAlert alert, bool blocking, CancellationToken cancellationToken)
    {
        string source;
        PushNotifiMessage message;
        Task<bool>? pending;
        try
        {
            ArgumentNullException.ThrowIfNull(alert);
            source = alert.Source ?? "an alert";
            message = Prepare(alert);
            pending = Claim(message, alert.SuppressionWindow ?? _suppressionWindow ?? PushNotifiAlerts.SuppressionWindow, out var granted);
            if (!granted)
            {
                // Suppressed without an await: in memory, a storm of failures costs a dictionary lookup each.
                _metrics.RecordSuppressed(message.Priority);
                return Task.FromResult(PushNotifiAlertOutcome.Suppressed);
            }
        }
        catch (Exception error)
        {
            // E.g. a title template that rendered null: reported, never thrown.
            var reason = Redactor.Redact(error.Message);
            AlertLog.SendFailed(Logger, alert?.Source ?? "an alert", "none", error.GetType().Name, reason);
            return Task.FromResult(PushNotifiAlertOutcome.Failed(null, reason));
        }

        return SendAsync(source, message, pending, blocking, cancellationToken);
    }

    private async Task<PushNotifiAlertOutcome> SendAsync(string source, PushNotifiMessage message, Task<bool>? pending, bool blocking, CancellationToken cancellationToken)
    {
        var budget = TimeBudget;
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(budget);
        Task<PushNotifiSendResult>? send = null;
        try
        {
            if (pending is not null && !await pending.WaitAsync(cts.Token).ConfigureAwait(false))
            {
                _metrics.RecordSuppressed(message.Priority);
                return PushNotifiAlertOutcome.Suppressed;
            }

            // A blocking caller gets the send off its synchronization context, so waiting on it cannot deadlock.
            send = blocking
                ? Task.Run(() => _client.SendAsync(message, cts.Token), CancellationToken.None)
                : _client.SendAsync(message, cts.Token);
            return PushNotifiAlertOutcome.Sent(await send.WaitAsync(cts.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AlertLog.Cancelled(Logger, source);
            return PushNotifiAlertOutcome.Cancelled;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            AlertLog.TimedOut(Logger, source, budget.TotalSeconds);
            return PushNotifiAlertOutcome.TimedOut(budget);
        }
        catch (Exception error)
        {
            return Failed(source, error);
        }
        finally
        {
            ForgetWhenDone(send, cts);
        }
    }

    private PushNotifiMessage Prepare(PushNotifiAlert alert)
    {
        var key = alert.IdempotencyKey is null ? null : AlertText.ShortenKey(Redactor.Redact(alert.IdempotencyKey), Redactor);
        var text = AlertText.Truncate(Redactor.Redact(alert.Message), PushNotifiLimits.MessageLength);
        return new PushNotifiMessage
        {
            Type = PushNotifiRecipientType.Group,
            Title = AlertText.Truncate(Redactor.Redact(alert.Title), PushNotifiLimits.TitleLength),
            Message = text.Length == 0 ? alert.Source ?? "Alert" : text,
            Priority = alert.Priority,
            IdempotencyKey = key,
        };
    }

    // The store is asked only here, on the failure path. A store that throws grants the claim: a duplicate alert
    // beats a lost one, and the API's idempotency key still deduplicates it.
    // Returns null with the answer when the store gave it at once (in memory), else the claim in flight.
    private Task<bool>? Claim(PushNotifiMessage message, TimeSpan window, out bool granted)
    {
        granted = true;
        if (message.IdempotencyKey is null || window <= TimeSpan.Zero)
        {
            return null;
        }

        ValueTask<bool> claim;
        try
        {
            claim = (_store ?? PushNotifiAlerts.Store).TryClaimAsync(ClaimPrefix + message.IdempotencyKey, window, CancellationToken.None);
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

    private PushNotifiAlertOutcome Failed(string source, Exception error)
    {
        var reason = Redactor.Redact(error.Message);
        if (error is PushNotifiException api)
        {
            AlertLog.SendFailed(Logger, source, api.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none", api.ErrorCode ?? api.GetType().Name, reason);
            return PushNotifiAlertOutcome.Failed(api.Kind, reason);
        }

        AlertLog.SendFailed(Logger, source, "none", error.GetType().Name, reason);
        return PushNotifiAlertOutcome.Failed(error is HttpRequestException or IOException ? PushNotifiFailureKind.Network : null, reason);
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
