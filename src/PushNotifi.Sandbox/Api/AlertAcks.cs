using Microsoft.AspNetCore.Http;
using PushNotifi.Sandbox.Hosting;
using PushNotifi.Sandbox.Logging;

namespace PushNotifi.Sandbox.Api;

/// <summary>
/// The one ack path: the API's <c>POST /api/v1/alerts/{alert_id}/ack</c>, the inbox page's
/// <c>POST /sandbox/alerts/{alert_id}/ack</c> and <see cref="SandboxServer.Ack"/> all record acks here.
/// </summary>
internal static class AlertAcks
{
    /// <summary>Device id of acks made on the inbox page (and by default through <see cref="SandboxServer.Ack"/>).</summary>
    public const string WebDeviceId = "sandbox-web";

    /// <summary>
    /// Checks <paramref name="request"/> against the alert's template and records the first ack.
    /// <paramref name="account"/> null means any account (the loopback inspection tools).
    /// </summary>
    public static AckOutcome Ack(SandboxState state, string alertId, int? account, AckRequest request)
    {
        if (state.Store.FindAlert(alertId, account) is not { } alert)
        {
            return AckOutcome.Failed(StatusCodes.Status404NotFound, UnknownAlert(alertId));
        }

        var (response, comment, invalid) = AckRules.Check(alert.ResponseTemplate, request.Response, request.Comment);
        if (invalid is not null)
        {
            return AckOutcome.Failed(StatusCodes.Status400BadRequest, invalid);
        }

        return state.Store.Ack(alertId, account, request.DeviceId, response, comment, state.Clock.GetUtcNow()) is { } result
            ? new AckOutcome(StatusCodes.Status200OK, result.Notification, result.AlreadyAcked, null)
            : AckOutcome.Failed(StatusCodes.Status404NotFound, UnknownAlert(alertId));
    }

    /// <summary>
    /// Records team member <paramref name="member"/>'s answer from their own device, only on an alert they were asked
    /// (sent to their key, or to the team group): an answer comes from the person asked.
    /// </summary>
    public static AckOutcome AckAs(SandboxState state, string alertId, int member, string? response, string? comment)
    {
        if (member < 1 || member > state.Secrets.TeamMembers.Count)
        {
            return AckOutcome.Failed(StatusCodes.Status400BadRequest, MessageValidator.Invalid(
                "as", $"as must be a team member from 1 to {state.Secrets.TeamMembers.Count}; the sandbox's team size is set with --team."));
        }

        if (state.Store.FindAlert(alertId, account: null) is not { } alert)
        {
            return AckOutcome.Failed(StatusCodes.Status404NotFound, UnknownAlert(alertId));
        }

        if (!state.Secrets.IsAskedOf(member, alert.Type, alert.SendToKey))
        {
            return AckOutcome.Failed(StatusCodes.Status403Forbidden, new ApiError(
                $"Member {member} was not asked this alert: it went to {alert.Type} {SandboxSecrets.LastFour(alert.SendToKey)}.", "forbidden", "as"));
        }

        return Ack(state, alertId, account: null, new AckRequest(SandboxOptions.TeamDeviceId(member), response, comment));
    }

    public static ApiError UnknownAlert(string alertId) =>
        new($"Unknown alert {Shorten(alertId)}.", "not_found", "alert_id");

    // An alert id is not a secret, but it is caller input: keep an echo of it short.
    private static string Shorten(string alertId) =>
        alertId.Length <= SandboxLimits.AlertIdMaxLength ? alertId : alertId[..SandboxLimits.AlertIdMaxLength] + "…";
}
