using System.Globalization;

namespace PushNotifi.Alerts;

/// <summary>Fits alert texts to <see cref="PushNotifiLimits"/> instead of failing validation.</summary>
internal static class AlertText
{
    /// <summary>Cuts <paramref name="text"/> to <paramref name="limit"/> characters, ending with an ellipsis, never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = limit - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>
    /// Keeps a long idempotency key unique and stable: a prefix, then a fingerprint of the whole key.
    /// </summary>
    public static string ShortenKey(string key, Redactor redactor)
    {
        if (key.Length <= PushNotifiLimits.IdempotencyKeyLength)
        {
            return key;
        }

        var fingerprint = redactor.Fingerprint(key);
        var prefix = PushNotifiLimits.IdempotencyKeyLength - fingerprint.Length - 1;
        if (char.IsHighSurrogate(key[prefix - 1]))
        {
            prefix--;
        }

        return string.Concat(key.AsSpan(0, prefix), "~", fingerprint);
    }

    /// <summary>Formats a duration for people: <c>420 ms</c>, <c>3.2 s</c>, <c>4 min 5 s</c>, <c>1:02:03</c>.</summary>
    public static string FormatElapsed(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.FromSeconds(1))
        {
            return ((int)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
        }

        if (elapsed < TimeSpan.FromMinutes(1))
        {
            return elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        }

        if (elapsed < TimeSpan.FromHours(1))
        {
            return ((int)elapsed.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min " + elapsed.Seconds.ToString(CultureInfo.InvariantCulture) + " s";
        }

        return elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
    }
}
