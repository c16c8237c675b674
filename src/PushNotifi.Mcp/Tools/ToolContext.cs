using Microsoft.Extensions.Logging;
using PushNotifi.Mcp.Acks;
using PushNotifi.Mcp.Errors;
using PushNotifi.Mcp.Startup;

namespace PushNotifi.Mcp.Tools;

/// <summary>What every tool shares: the runtime client (the only HTTP path), the settings, the clock and the memo of recent asks.</summary>
internal sealed class ToolContext
{
    internal ToolContext(McpSettings settings, PushNotifiClient client, TimeProvider time, ILogger logger, IProgress<PushNotifiAckProgress>? ackObserver = null)
    {
        Settings = settings;
        Client = client;
        Time = time;
        Logger = logger;
        AckObserver = ackObserver;
        RecentAsks = new RecentAsks(time, settings.AskRetryWindow);
    }

    internal McpSettings Settings { get; }

    internal PushNotifiClient Client { get; }

    internal Redactor Redactor => Client.Redactor;

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal RecentAsks RecentAsks { get; }

    /// <summary>Told of every poll of a wait, beside the MCP progress notifications; tests drive their fake clock with it.</summary>
    internal IProgress<PushNotifiAckProgress>? AckObserver { get; }

    /// <summary>The recipient when the call names none: <c>PUSHNOTIFI_GROUP_KEY</c>, else <c>MISSING_ENV</c>.</summary>
    internal string DefaultGroupKey(string tool) =>
        Settings.GroupKey ?? throw ToolFailure.MissingEnvironment(
            PushNotifiEnvironmentVariables.GroupKey,
            $"{tool} needs a recipient: pass send_to_key, or set {PushNotifiEnvironmentVariables.GroupKey} where the server starts.");
}
