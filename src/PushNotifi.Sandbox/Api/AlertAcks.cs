using Microsoft.AspNetCore.Http;
using PushNotifi.Sandbox.Hosting;

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

    public static ApiError UnknownAlert(string alertId) =>
        new($"Unknown alert {Shorten(alertId)}.", "not_found", "alert_id");

    // An alert id is not a secret, but it is caller input: keep an echo of it short.
    private static string Shorten(string alertId) =>
        alertId.Length <= SandboxLimits.AlertIdMaxLength ? alertId : alertId[..SandboxLimits.AlertIdMaxLength] + "…";
}
