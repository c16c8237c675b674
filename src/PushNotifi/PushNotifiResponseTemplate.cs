using System.Text.Json.Serialization;

namespace PushNotifi;

/// <summary>
/// The answers a person can give to an emergency alert (wire <c>alert_response_template</c>). Valid only
/// with <see cref="PushNotifiPriority.Emergency"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PushNotifiResponseTemplate>))]
public enum PushNotifiResponseTemplate
{
    /// <summary>One button, Acknowledge (<c>ack</c>); the answer's response is null.</summary>
    [JsonStringEnumMemberName("ack")]
    Ack,

    /// <summary>Yes or No (<c>yes_no</c>).</summary>
    [JsonStringEnumMemberName("yes_no")]
    YesNo,

    /// <summary>Approve or Deny (<c>approve_deny</c>).</summary>
    [JsonStringEnumMemberName("approve_deny")]
    ApproveDeny,

    /// <summary>Proceed or Abort (<c>proceed_abort</c>).</summary>
    [JsonStringEnumMemberName("proceed_abort")]
    ProceedAbort,

    /// <summary>Confirm or Cancel (<c>confirm_cancel</c>).</summary>
    [JsonStringEnumMemberName("confirm_cancel")]
    ConfirmCancel,

    /// <summary>A typed reply (<c>freetext</c>).</summary>
    [JsonStringEnumMemberName("freetext")]
    FreeText,
}
