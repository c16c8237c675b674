using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace PushNotifi.Mcp.Tools;

/// <summary>The MCP side of one call: where progress notifications go, when the client asked for them.</summary>
/// <param name="Server">The session the call came in on.</param>
/// <param name="ProgressToken">The client's progress token, or null when it wants none.</param>
internal sealed record ToolCall(McpServer? Server, ProgressToken? ProgressToken)
{
    /// <summary>Sends one progress notification; a failure to send never fails the call.</summary>
    internal async Task NotifyProgressAsync(ProgressNotificationValue value, CancellationToken cancellationToken)
    {
        if (Server is null || ProgressToken is not { } token)
        {
            return;
        }

        try
        {
            await Server.NotifyProgressAsync(token, value, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client left or cancelled; the wait itself notices through its own token.
        }
    }
}
