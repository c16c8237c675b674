namespace PushNotifi;

/// <summary>
/// Who is asked in a team approval: one user, or one group whose alert counts as one answer whoever in it taps.
/// Shows its key only as its last four characters.
/// </summary>
/// <param name="Type">A user or a group key.</param>
/// <param name="Key">The user or group key (wire <c>send_to_key</c>).</param>
public sealed record PushNotifiApprovalTarget(PushNotifiRecipientType Type, string Key)
{
    /// <summary>The user with key <paramref name="userKey"/>.</summary>
    public static PushNotifiApprovalTarget User(string userKey) => new(PushNotifiRecipientType.User, userKey);

    /// <summary>The group with key <paramref name="groupKey"/>: its alert counts once, whoever in it answers.</summary>
    public static PushNotifiApprovalTarget Group(string groupKey) => new(PushNotifiRecipientType.Group, groupKey);

    /// <summary>
    /// Reads a key as a target: a key starting with <c>g</c> is a group, any other a user (the API's key shapes).
    /// </summary>
    public static PushNotifiApprovalTarget Parse(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var trimmed = key.Trim();
        return trimmed.StartsWith('g') ? Group(trimmed) : User(trimmed);
    }

    /// <summary>The type and the key's last four characters, never the key.</summary>
    public override string ToString() => $"{Type} {Redactor.LastFour(Key)}";
}
