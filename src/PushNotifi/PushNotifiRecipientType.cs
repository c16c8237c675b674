using System.Text.Json.Serialization;

namespace PushNotifi;

/// <summary>Who a notification goes to. Sent on the wire as <c>"user"</c> or <c>"group"</c>.</summary>
public enum PushNotifiRecipientType
{
    /// <summary>A single user; <c>send_to_key</c> starts with <c>u</c>.</summary>
    [JsonStringEnumMemberName("user")]
    User,

    /// <summary>A delivery group; <c>send_to_key</c> starts with <c>g</c>.</summary>
    [JsonStringEnumMemberName("group")]
    Group,
}
