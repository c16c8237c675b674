using System.Globalization;
using ModelContextProtocol;
using PushNotifi.Mcp.Tools;

namespace PushNotifi.Mcp.Acks;

/// <summary>
/// Turns the runtime's poll reports into MCP progress notifications: progress is the seconds waited, total the
/// seconds allowed, and the message says when the next check comes. Notifications go out in order, one at a time.
/// </summary>
internal sealed class AckProgressReporter(ToolCall call, IProgress<PushNotifiAckProgress>? observer, CancellationToken cancellationToken)
    : IProgress<PushNotifiAckProgress>
{
    private readonly Lock _lock = new();
    private Task _sending = Task.CompletedTask;

    /// <summary>Completes when every notification reported so far has been sent.</summary>
    internal Task Sent
    {
        get
        {
            lock (_lock)
            {
                return _sending;
            }
        }
    }

    public void Report(PushNotifiAckProgress value)
    {
        var notification = new ProgressNotificationValue
        {
            Progress = (float)value.Elapsed.TotalSeconds,
            Total = (float)value.Timeout.TotalSeconds,
            Message = Describe(value),
        };
        lock (_lock)
        {
            _sending = SendAfterAsync(_sending, notification);
        }

        // After the notification is queued, so a test that moves its clock on this report sees it in order.
        observer?.Report(value);
    }

    internal static string Describe(PushNotifiAckProgress value)
    {
        var waited = value.Elapsed.TotalSeconds;
        var allowed = value.Timeout.TotalSeconds;
        if (value.NextPollIn <= TimeSpan.Zero)
        {
            return value.Elapsed >= value.Timeout
                ? string.Create(CultureInfo.InvariantCulture, $"No answer within {allowed:0} s.")
                : string.Create(CultureInfo.InvariantCulture, $"Answered after {waited:0} s.");
        }

        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"No answer yet after {waited:0} s of {allowed:0} s; next check in {value.NextPollIn.TotalSeconds:0.#} s");
        if (value.TransientProblem is { } problem)
        {
            text += $" (last check: {problem}, still waiting)";
        }

        return text + ".";
    }

    private async Task SendAfterAsync(Task previous, ProgressNotificationValue notification)
    {
        await previous.ConfigureAwait(false);
        await call.NotifyProgressAsync(notification, cancellationToken).ConfigureAwait(false);
    }
}
