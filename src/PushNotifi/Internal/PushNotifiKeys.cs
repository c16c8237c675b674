namespace PushNotifi.Internal;

/// <summary>The shape of user and group keys: 32 ASCII letters or digits, prefixed <c>u</c> or <c>g</c>.</summary>
internal static class PushNotifiKeys
{
    internal const int Length = 32;

    internal static bool IsWellFormed(string? key, char prefix)
    {
        if (key is null || key.Length != Length || key[0] != prefix)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
