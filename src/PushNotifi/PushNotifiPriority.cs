namespace PushNotifi;

/// <summary>The priority of a notification, from -2 (lowest) to 2 (emergency).</summary>
public enum PushNotifiPriority
{
    /// <summary>No sound or vibration (-2).</summary>
    Lowest = -2,

    /// <summary>Quiet delivery (-1).</summary>
    Low = -1,

    /// <summary>The default priority (0).</summary>
    Normal = 0,

    /// <summary>Bypasses quiet hours (1).</summary>
    High = 1,

    /// <summary>Interrupts until acknowledged (2).</summary>
    Emergency = 2,
}
