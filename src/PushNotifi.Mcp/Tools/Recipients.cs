namespace PushNotifi.Mcp.Tools;

/// <summary>The recipient kinds and what the upstream's schemas call them.</summary>
internal static class Recipients
{
    internal const string User = "user";
    internal const string Group = "group";

    internal static PushNotifiRecipientType Parse(string type) =>
        type == User ? PushNotifiRecipientType.User : PushNotifiRecipientType.Group;
}
