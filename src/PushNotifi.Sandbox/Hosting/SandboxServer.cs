using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PushNotifi.Sandbox.Api;
using PushNotifi.Sandbox.Hosting;
using PushNotifi.Sandbox.Inspection;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox;

/// <summary>
/// A running sandbox: the local stand-in for the PushNotifi API, hosted in-process (by default on a
/// free loopback port). Dispose it to stop.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxState _state;

    private SandboxServer(WebApplication app, SandboxState state, string baseUrl)
    {
        _app = app;
        _state = state;
        BaseUrl = baseUrl;
    }

    /// <summary>The shared state, for tests of the internals (e.g. open event streams).</summary>
    internal SandboxState State => _state;

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>
    /// A snapshot of the kept notifications (the last <see cref="SandboxOptions.MaxNotifications"/>), oldest first
    /// (duplicates are not delivered twice). Configured keys appear as received, but no key the sandbox issued does
    /// (<c>…</c> plus its last 4 characters). With a
    /// <see cref="SandboxOptions.DataFile"/> they are as stored: every key shown as <c>…</c> plus its last 4 characters.
    /// </summary>
    public IReadOnlyList<CapturedNotification> Notifications => [.. _state.Store.Notifications.Select(n => InProcessView.Of(_state.Secrets, n))];

    /// <summary>The delivered notification carrying <paramref name="alertId"/>, with its ack if any; null when unknown.</summary>
    public CapturedNotification? FindAlert(string alertId) =>
        _state.Store.FindAlert(alertId, account: null) is { } alert ? InProcessView.Of(_state.Secrets, alert) : null;

    /// <summary>
    /// A snapshot of the last <see cref="SandboxOptions.MaxRequests"/> <c>/api/v1</c> requests, oldest first, including
    /// rejected, duplicate and faulted ones; bodies are cut (see <see cref="SandboxRequest.BodyTruncated"/>). Configured
    /// keys appear as received, but no key the sandbox issued does; with a <see cref="SandboxOptions.DataFile"/> nothing
    /// else shaped like a key does either (keys issued before a restart are no longer known).
    /// </summary>
    public IReadOnlyList<SandboxRequest> Requests => [.. _state.Store.Requests.Select(r => InProcessView.Of(_state.Secrets, r))];

    /// <summary>Faults to inject into the next <c>/api/v1</c> requests.</summary>
    public SandboxFaults Faults => _state.Faults;

    /// <summary>Starts a sandbox and returns once it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">
    /// The options lack a user key or URL, or the <see cref="SandboxOptions.DataFile"/> cannot be used (the message names
    /// the file and what to do).
    /// </exception>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var state = new SandboxState(options);
        WebApplication app;
        try
        {
            app = SandboxApp.Build(options, state);
        }
        catch
        {
            state.Dispose();
            throw;
        }

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            state.Dispose();
            throw;
        }

        // Listening on every interface, the base URL still names loopback: host filtering answers no other name by default.
        var baseUrl = app.Urls.First().TrimEnd('/')
            .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal);
        SandboxLog.Listening(
            app.Services.GetRequiredService<ILogger<SandboxServer>>(),
            baseUrl,
            SandboxSecrets.LastFour(options.UserKey),
            Shown(options.GroupKey),
            Shown(options.ApplicationKey),
            Shown(options.WebhookToken));
        return new SandboxServer(app, state, baseUrl);
    }

    /// <summary>
    /// Acknowledges an alert as the person would on the inbox page, through the same checks as
    /// <c>POST /api/v1/alerts/{alert_id}/ack</c>. A second ack changes nothing and returns the alert as it is.
    /// </summary>
    /// <param name="alertId">The <c>alert_id</c> a priority-2 send answered.</param>
    /// <param name="response">A label of the alert's template, the typed reply for <c>freetext</c>, or null for a plain acknowledgement.</param>
    /// <param name="comment">An optional note (at most <see cref="SandboxLimits.CommentMaxLength"/> characters).</param>
    /// <param name="deviceId">The device recorded as having answered.</param>
    /// <returns>The notification with its ack.</returns>
    /// <exception cref="KeyNotFoundException">No alert has that id.</exception>
    /// <exception cref="ArgumentException">The response or comment breaks the alert's template (the message names the allowed labels).</exception>
    public CapturedNotification Ack(string alertId, string? response = null, string? comment = null, string deviceId = "sandbox-web")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        var outcome = AlertAcks.Ack(_state, alertId, account: null, new AckRequest(deviceId, response, comment));
        return outcome.Notification is { } acked ? InProcessView.Of(_state.Secrets, acked) : throw (outcome.StatusCode == 404
            ? new KeyNotFoundException(outcome.Error!.Message)
            : new ArgumentException(outcome.Error!.Message, outcome.Error.Field == "comment" ? nameof(comment) : nameof(response)));
    }

    /// <summary>
    /// Answers an alert as team member <paramref name="member"/> (from 1, see <see cref="SandboxOptions.TeamSize"/>),
    /// from their own device (<see cref="SandboxOptions.TeamDeviceId"/>), as the inbox's "tap as" does. Only an alert
    /// the member was asked (sent to their key, or to the team group) takes their answer.
    /// </summary>
    /// <returns>The notification with its ack.</returns>
    /// <exception cref="KeyNotFoundException">No alert has that id.</exception>
    /// <exception cref="InvalidOperationException">The member was not asked this alert, or there is no such member.</exception>
    /// <exception cref="ArgumentException">The response or comment breaks the alert's template.</exception>
    public CapturedNotification AckAs(string alertId, int member, string? response = null, string? comment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        var outcome = AlertAcks.AckAs(_state, alertId, member, response, comment);
        return outcome.Notification is { } acked ? InProcessView.Of(_state.Secrets, acked) : throw (outcome.StatusCode switch
        {
            404 => new KeyNotFoundException(outcome.Error!.Message),
            403 => new InvalidOperationException(outcome.Error!.Message),
            _ when outcome.Error!.Field == "as" => new InvalidOperationException(outcome.Error.Message),
            _ => new ArgumentException(outcome.Error!.Message, outcome.Error.Field == "comment" ? nameof(comment) : nameof(response)),
        });
    }

    /// <summary>Forgets notifications, requests and delivered idempotency keys, and removes pending faults.</summary>
    public void Clear()
    {
        _state.Store.Clear();
        _state.Faults.Clear();
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM) or <paramref name="ct"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    /// <summary>Stops the sandbox and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Dispose();
    }

    private static string Shown(string? key) => key is null ? "(not set)" : SandboxSecrets.LastFour(key);
}
